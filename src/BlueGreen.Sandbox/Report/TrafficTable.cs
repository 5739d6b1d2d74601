using System.Globalization;
using System.Net;
using System.Text;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Sandbox.Report;

/// <summary>
/// The report's "Traffic per colour" table. A user request that reached no colour (no address in the answer,
/// a connection refused before any load balancer) counts in the headline but in no colour's row, so it gets a
/// row of its own and the columns add up to the headline.
/// </summary>
public static class TrafficTable
{
    /// <summary>The row label of requests that reached no colour.</summary>
    public const string NoColourReached = "no colour reached";

    /// <summary>The table as HTML: one row per colour, then the requests that reached none, then the totals.</summary>
    public static string Html(TrafficTotals user, TrafficTotals probes, IReadOnlyList<string> colours)
    {
        ArgumentNullException.ThrowIfNull(user);
        ArgumentNullException.ThrowIfNull(probes);
        ArgumentNullException.ThrowIfNull(colours);
        var html = new StringBuilder("<table><tr><th>colour</th><th>user requests</th><th>failed</th><th>p50 ms</th><th>p99 ms</th><th>probes</th><th>probes failed</th></tr>");
        foreach (var colour in colours)
        {
            var mine = user.ByColour[colour];
            var probed = probes.ByColour[colour];
            html.Append(Invariant($"<tr><td>{E(colour)}</td><td>{mine.Requests}</td><td>{mine.Failed}</td><td>{mine.P50Ms:0.#}</td><td>{mine.P99Ms:0.#}</td><td>{probed.Requests}</td><td>{probed.Failed}</td></tr>"));
        }

        var (requests, failed) = Unreached(user, colours);
        var (probeRequests, probeFailed) = Unreached(probes, colours);
        html.Append(Invariant($"<tr><td>{NoColourReached}</td><td>{requests}</td><td>{failed}</td><td>-</td><td>-</td><td>{probeRequests}</td><td>{probeFailed}</td></tr>"));
        html.Append(Invariant($"<tr><th>all</th><th>{user.Requests}</th><th>{user.Failed}</th><th></th><th></th><th>{probes.Requests}</th><th>{probes.Failed}</th></tr>"));
        return html.Append("</table>").ToString();
    }

    /// <summary>Requests and failures counted in the totals but in no colour's row.</summary>
    public static (long Requests, long Failed) Unreached(TrafficTotals totals, IReadOnlyList<string> colours)
    {
        ArgumentNullException.ThrowIfNull(totals);
        ArgumentNullException.ThrowIfNull(colours);
        var reached = colours.Select(c => totals.ByColour[c]).ToList();
        return (totals.Requests - reached.Sum(c => c.Requests), totals.Failed - reached.Sum(c => c.Failed));
    }

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
