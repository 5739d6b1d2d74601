using System.Xml.Linq;
using BlueGreen.Sandbox.Rehearsal;
using BlueGreen.Sandbox.Report;

namespace BlueGreen.Sandbox.Tests.Report;

public sealed class TrafficTableTests
{
    private static readonly IReadOnlyDictionary<string, long> NoFailures = new Dictionary<string, long>();

    [Fact]
    public void Html_GivesRequestsThatReachedNoColourARow_SoTheFailedColumnAddsUpToTheHeadline()
    {
        var user = new TrafficTotals(12573, 3, 0, 800, new Dictionary<string, ColourTotals>
        {
            ["blue"] = new(6000, 0, NoFailures, 2, 9),
            ["green"] = new(6570, 0, NoFailures, 2, 11),
        });
        var probes = new TrafficTotals(400, 0, 0, 0, new Dictionary<string, ColourTotals>
        {
            ["blue"] = new(200, 0, NoFailures, 1, 3),
            ["green"] = new(200, 0, NoFailures, 1, 4),
        });

        var rows = XDocument.Parse(TrafficTable.Html(user, probes, ["blue", "green"])).Root!.Elements("tr")
            .Select(r => r.Elements().Select(c => c.Value).ToList())
            .ToList();

        var unreached = rows.Single(r => r[0] == TrafficTable.NoColourReached);
        Assert.Equal(["3", "3"], unreached.Skip(1).Take(2));
        var total = rows.Single(r => r[0] == "all");
        Assert.Equal(["12573", "3"], total.Skip(1).Take(2));
        var colourRows = rows.Skip(1).Take(3).ToList();
        Assert.Equal(12573, colourRows.Sum(r => long.Parse(r[1], System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(3, colourRows.Sum(r => long.Parse(r[2], System.Globalization.CultureInfo.InvariantCulture)));
    }
}
