using System.Text.Json.Nodes;
using BlueGreen.Core.Metrics;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>Turns what the load generator saw, the record changes and the event stream into a <see cref="RehearsalSummary"/>.</summary>
public static class RehearsalAnalysis
{
    /// <summary>The inputs of one analysis.</summary>
    public sealed record Input
    {
        public required IReadOnlyList<RequestRecord> Requests { get; init; }

        public required IReadOnlyList<RecordChange> Changes { get; init; }

        public required IReadOnlyList<TimelineEntry> Timeline { get; init; }

        public required IReadOnlyList<string> Colours { get; init; }

        public required string From { get; init; }

        public required string To { get; init; }

        public required int Ttl { get; init; }

        public required TimeSpan Interval { get; init; }

        public required int FailureThreshold { get; init; }

        public required long DnsQueries { get; init; }
    }

    public static IReadOnlyList<StepShare> Steps(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var user = input.Requests.Where(r => r.Scope == MetricScope.UserTraffic).ToList();
        var end = user.Count == 0 ? DateTimeOffset.MinValue : user.Max(r => r.Started);
        var steps = new List<StepShare>();
        for (var i = 0; i < input.Changes.Count; i++)
        {
            var change = input.Changes[i];
            var last = i + 1 == input.Changes.Count;
            var to = last ? end : input.Changes[i + 1].At;
            var settled = change.At + TimeSpan.FromSeconds(input.Ttl);
            if (to <= settled)
            {
                continue;
            }

            var counted = user.Where(r => r.Started >= settled && (last || r.Started < to) && r.Resolution.At >= change.At && r.ResolvedColour is not null).ToList();

            var configured = input.Colours.ToDictionary(c => c, change.Records.Probability);
            var observed = input.Colours.ToDictionary(c => c, c => counted.Count == 0 ? 0.0 : (double)counted.Count(r => r.ResolvedColour == c) / counted.Count);
            var byResolution = counted.GroupBy(r => r.Resolution.Id).Select(g => (long)g.Count()).ToList();
            var effective = ShareStatistics.EffectiveSize(byResolution);
            var tolerance = input.Colours.Max(c => ShareStatistics.TolerancePoints(configured[c], effective));
            var within = counted.Count > 0 && input.Colours.All(c => Math.Abs(observed[c] - configured[c]) * 100 <= tolerance + 1e-9);
            steps.Add(new StepShare(change.Records.ToString(), change.At, to, configured, observed, counted.Count, byResolution.Count, effective, tolerance, within));
        }

        return steps;
    }

    public static TrafficTotals Totals(IReadOnlyList<RequestRecord> requests, MetricScope scope, IReadOnlyList<string> colours, long dnsQueries)
    {
        ArgumentNullException.ThrowIfNull(requests);
        var scoped = requests.Where(r => r.Scope == scope).ToList();
        var byColour = colours.ToDictionary(c => c, c =>
        {
            var mine = scoped.Where(r => r.ResolvedColour == c).ToList();
            var metrics = RequestLog.Summarise(mine);
            var ok = mine.Where(r => !r.Failed).ToList();
            return new ColourTotals(
                mine.Count,
                mine.Count(r => r.Failed),
                mine.Where(r => r.Failed).GroupBy(r => r.Outcome.ToString()).ToDictionary(g => g.Key, g => (long)g.Count()),
                Percentile(mine, 50),
                metrics.P99?.TotalMilliseconds);
        });
        return new TrafficTotals(
            scoped.Count,
            scoped.Count(r => r.Failed),
            scoped.Count(r => r.ServedBy is not null && r.ResolvedColour is not null && r.Outcome == RequestOutcome.Ok && r.ServedBy != r.ResolvedColour),
            dnsQueries,
            byColour);
    }

    public static RollbackTiming? Rollback(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var firstFailing = input.Timeline.FirstOrDefault(e => e.Kind == "interval" && Verdict(e) == "fail" && Step(e) >= 0);
        var rollbackWeights = input.Timeline.FirstOrDefault(e => e.Kind == "rollbackWeightsApplied");
        if (rollbackWeights is null)
        {
            return null;
        }

        var start = firstFailing?.Event?["start"]?.GetValue<DateTimeOffset>() ?? rollbackWeights.At;
        var toCandidate = input.Requests.Where(r => r.Scope == MetricScope.UserTraffic && r.ResolvedColour == input.To).ToList();
        var bound = input.Interval * input.FailureThreshold + TimeSpan.FromSeconds(input.Ttl) + TimeSpan.FromSeconds(2);
        return new RollbackTiming(
            start,
            rollbackWeights.At,
            toCandidate.Count == 0 ? null : toCandidate.Max(r => r.Resolution.At),
            toCandidate.Count == 0 ? null : toCandidate.Max(r => r.Started),
            bound.TotalSeconds);
    }

    public static Decommission? Decommission(Input input)
    {
        ArgumentNullException.ThrowIfNull(input);
        var stopped = input.Timeline.FirstOrDefault(e => e.Kind == "colour-stopped" && e.Colour == input.From);
        if (stopped is null)
        {
            return null;
        }

        var drained = input.Timeline.FirstOrDefault(e => e.Kind == "completed");
        var after = input.Requests.Where(r => r.Scope == MetricScope.UserTraffic && r.Started >= stopped.At).ToList();
        return new Decommission(input.From, drained?.At, stopped.At, after.Count, after.Count(r => r.Failed));
    }

    private static string? Verdict(TimelineEntry entry) => (entry.Event?["candidate"] as JsonObject)?["verdict"]?.GetValue<string>();

    private static int Step(TimelineEntry entry) => entry.Event?["step"]?.GetValue<int>() ?? -1;

    private static double? Percentile(IReadOnlyList<RequestRecord> records, double percentile)
    {
        if (records.Count == 0)
        {
            return null;
        }

        var sorted = records.Select(r => r.Latency.TotalMilliseconds).Order().ToList();
        var index = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return sorted[Math.Clamp(index, 0, sorted.Count - 1)];
    }
}
