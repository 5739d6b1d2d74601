using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Report;

/// <summary>Writes a rehearsal's summary.json and its self-contained report.html (inline SVG and CSS, nothing fetched).</summary>
public static class ReportWriter
{
    /// <summary>camelCase, indented, enums as strings.</summary>
    public static JsonSerializerOptions SummaryJson { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static readonly string[] Palette = ["#1f6fd1", "#1a9e4b", "#c2410c", "#7c3aed"];

    public static async Task WriteAsync(string directory, RehearsalSummary summary, RehearsalAnalysis.Input input, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(input);
        await File.WriteAllTextAsync(Path.Combine(directory, "summary.json"), JsonSerializer.Serialize(summary, SummaryJson), cancellationToken).ConfigureAwait(false);
        await File.WriteAllTextAsync(Path.Combine(directory, "report.html"), Html(summary, input), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The report page.</summary>
    public static string Html(RehearsalSummary summary, RehearsalAnalysis.Input input)
    {
        ArgumentNullException.ThrowIfNull(summary);
        ArgumentNullException.ThrowIfNull(input);
        var origin = summary.StartedAt;
        var series = TimeSeries.Build(input.Requests, input.Changes, input.Colours, origin, summary.EndedAt);
        var xMax = (summary.EndedAt - origin).TotalSeconds;
        var markers = Markers(input.Timeline, origin);
        var colours = input.Colours.Select((c, i) => (Colour: c, Stroke: Palette[i % Palette.Length])).ToList();
        var points = (Func<TimeSeries.Bucket, double?> value) => series.Buckets.Select(b => (b.Start + (series.BucketSeconds / 2), value(b))).ToList();

        var shares = SvgChart.Render("Configured weight share (dashed) and observed share of user requests", " %", 100, xMax,
            [.. colours.SelectMany(c => new[]
            {
                new SvgChart.Series($"{c.Colour} configured", c.Stroke, "6 4", points(b => 100 * b.Configured[c.Colour])),
                new SvgChart.Series($"{c.Colour} observed", c.Stroke, null, points(b => 100 * b.Observed[c.Colour])),
            })],
            markers);
        var errorMax = Math.Max(1, series.Buckets.SelectMany(b => b.ErrorRate.Values).Max(v => 100 * (v ?? 0)));
        var errors = SvgChart.Render("Error rate of user requests per colour reached", " %", Math.Ceiling(errorMax), xMax,
            [.. colours.Select(c => new SvgChart.Series(c.Colour, c.Stroke, null, points(b => b.ErrorRate[c.Colour] is { } e ? 100 * e : null)))], markers);
        var p99Max = Math.Max(10, series.Buckets.SelectMany(b => b.P99Ms.Values).Max(v => v ?? 0));
        var latency = SvgChart.Render("p99 latency of user requests per colour reached", " ms", Math.Ceiling(p99Max / 10) * 10, xMax,
            [.. colours.Select(c => new SvgChart.Series(c.Colour, c.Stroke, null, points(b => b.P99Ms[c.Colour])))], markers);

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>BlueGreen rehearsal</title><style>");
        html.Append("body{font:14px/1.45 system-ui,sans-serif;margin:24px auto;max-width:1000px;color:#1b1f24}h1{font-size:22px}h2{font-size:17px;margin-top:28px}");
        html.Append("table{border-collapse:collapse;margin:8px 0}td,th{border:1px solid #ccd;padding:3px 8px;text-align:right}th{background:#f2f4f8}td:first-child,th:first-child{text-align:left}");
        html.Append(".verdict{padding:10px 14px;border-radius:6px;font-weight:600}.ok{background:#dcf5e3}.bad{background:#fde2e1}");
        html.Append("svg{width:100%;height:auto;background:#fbfcfe;border:1px solid #e3e6ee;margin:6px 0}.grid{stroke:#e3e6ee}.axis{font-size:11px;fill:#555}.title{font-size:12px;font-weight:600}.marker{stroke-width:1;stroke-dasharray:2 3}.mark{font-size:10px;fill:#333}");
        html.Append("</style></head><body>");
        html.Append(Invariant($"<h1>Rehearsal {E(summary.From)} &rarr; {E(summary.To)}, {summary.StartedAt.UtcDateTime:yyyy-MM-dd HH:mm:ss} UTC</h1>"));
        var good = summary.ExitCode == 0;
        html.Append(Invariant($"<p class=\"verdict {(good ? "ok" : "bad")}\">{E(summary.Outcome)} (exit {summary.ExitCode}): {E(summary.Reason)}</p>"));
        var (unreached, _) = TrafficTable.Unreached(summary.UserTraffic, input.Colours);
        var reachedNone = unreached > 0 ? Invariant($" ({unreached} reached no colour)") : string.Empty;
        html.Append(Invariant($"<p>{summary.UserTraffic.Requests} user requests{reachedNone}, {summary.UserTraffic.Failed} failed, {summary.UserTraffic.Misrouted} misrouted; {summary.UserTraffic.DnsQueries} DNS queries. "));
        html.Append(Invariant($"Load {summary.Load.RequestRate} requests/s{(summary.Load.CalibratedRate is { } calibrated ? Invariant($" (calibrated: {calibrated:0} requests/s served)") : string.Empty)} from {summary.Load.Clients} clients, {summary.Load.Replicas} instances per colour, TTL {summary.Load.TtlSeconds} s; bake {summary.Load.BakeSeconds} s, interval {summary.Load.IntervalSeconds} s, drain {summary.Load.DrainSeconds} s."));
        if (summary.Faults.Count > 0)
        {
            html.Append(Invariant($" Faults: {E(string.Join("; ", summary.Faults))} (active from the colour's first user traffic)."));
        }

        html.Append("</p>").Append(shares).Append(errors).Append(latency);
        html.Append("<h2>Traffic per colour</h2>").Append(TrafficTable.Html(summary.UserTraffic, summary.Probes, input.Colours));
        html.Append("<h2>Steps: configured against observed share</h2><p>Observed over user requests sent at least one TTL after the change; the tolerance is the 99.9 % bound for the number of independent DNS answers.</p>");
        html.Append("<table><tr><th>records</th><th>from s</th><th>to s</th><th>configured</th><th>observed</th><th>requests</th><th>answers</th><th>tolerance pp</th><th>within</th></tr>");
        foreach (var step in summary.Steps)
        {
            html.Append(Invariant($"<tr><td>{E(step.Records)}</td><td>{(step.From - origin).TotalSeconds:0.0}</td><td>{(step.To - origin).TotalSeconds:0.0}</td>"));
            html.Append(Invariant($"<td>{E(Shares(step.ConfiguredShare))}</td><td>{E(Shares(step.ObservedShare))}</td><td>{step.Requests}</td><td>{step.Resolutions}</td><td>{step.TolerancePoints:0.0}</td><td>{(step.Within ? "yes" : "NO")}</td></tr>"));
        }

        html.Append("</table>");
        if (summary.Rollback is { } rollback)
        {
            html.Append(Invariant($"<h2>Rollback</h2><p>First failing interval began at {(rollback.FirstFailingIntervalStart - origin).TotalSeconds:0.0} s; rollback weights at {Seconds(rollback.RollbackWeightsAt, origin)}; last answer naming {E(summary.To)} at {Seconds(rollback.LastCandidateResolutionAt, origin)}; last user request to {E(summary.To)} at {Seconds(rollback.LastCandidateRequestAt, origin)} (bound: {rollback.BoundSeconds:0.0} s after the first failing interval).</p>"));
        }

        if (summary.Decommission is { } stop)
        {
            html.Append(Invariant($"<h2>Decommission</h2><p>{E(stop.Colour)} stopped at {(stop.StoppedAt - origin).TotalSeconds:0.0} s, after the drain ended at {Seconds(stop.DrainEndedAt, origin)}; {stop.RequestsAfterStop} user requests after the stop, {stop.FailedAfterStop} failed.</p>"));
        }

        html.Append("<h2>Events</h2><table><tr><th>s</th><th>source</th><th>what</th></tr>");
        foreach (var entry in input.Timeline.Where(e => e.Kind != "interval"))
        {
            html.Append(Invariant($"<tr><td>{(entry.At - origin).TotalSeconds:0.00}</td><td>{E(entry.Source)}</td><td style=\"text-align:left\">{E(entry.Message)}</td></tr>"));
        }

        html.Append("</table></body></html>");
        return html.ToString();
    }

    private static List<SvgChart.Marker> Markers(IReadOnlyList<TimelineEntry> timeline, DateTimeOffset origin) =>
        [.. timeline.Where(e => e.Kind is "weightsApplied" or "rollbackWeightsApplied" or "drainStarted" or "completed" or "verificationStarted" or "colour-stopped" or "fault-activated" or "instance-killed")
            .Select(e => new SvgChart.Marker((e.At - origin).TotalSeconds, Label(e), e.Kind is "rollbackWeightsApplied" or "fault-activated" or "instance-killed" ? "#c00" : "#666"))];

    private static string Label(TimelineEntry entry) => entry.Kind switch
    {
        "weightsApplied" => "step " + ((entry.Event?["step"]?.GetValue<int>() ?? 0) + 1).ToString(CultureInfo.InvariantCulture),
        "rollbackWeightsApplied" => "rollback",
        "drainStarted" => "drain",
        "completed" => "drained",
        "verificationStarted" => "verify",
        "colour-stopped" => $"{entry.Colour} stopped",
        "fault-activated" => "fault",
        "instance-killed" => "kill",
        _ => entry.Kind,
    };

    private static string Shares(IReadOnlyDictionary<string, double> shares) =>
        string.Join(' ', shares.Select(kv => Invariant($"{kv.Key} {100 * kv.Value:0.0}%")));

    private static string Seconds(DateTimeOffset? at, DateTimeOffset origin) => at is { } value ? Invariant($"{(value - origin).TotalSeconds:0.0} s") : "-";

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
