using System.Globalization;
using System.Xml.Linq;
using BlueGreen.Sandbox.Report;

namespace BlueGreen.Sandbox.Tests.Report;

public sealed class SvgChartTests
{
    [Fact]
    public void Render_LeavesRoomLeftOfTheAxisForTheLongestLabel()
    {
        var svg = XDocument.Parse(SvgChart.Render("p99", " ms", 1897.5, 60, [new SvgChart.Series("blue", "#00f", null, [(0, 1897.5), (60, 900)])], []));

        var labels = svg.Descendants().Where(e => e.Name.LocalName == "text" && (string?)e.Attribute("text-anchor") == "end").ToList();
        var longest = labels.Single(l => l.Value == "1897.5 ms");
        var rightEdge = double.Parse((string)longest.Attribute("x")!, CultureInfo.InvariantCulture);

        // Right-aligned at x, the label runs leftwards; at 7 px a character it must still start inside the image.
        Assert.True(rightEdge - (longest.Value.Length * 7) >= 0, $"the label ends at x={rightEdge} and would start left of the image");
        var gridStart = svg.Descendants().First(e => e.Name.LocalName == "line" && (string?)e.Attribute("class") == "grid").Attribute("x1");
        Assert.True(double.Parse((string)gridStart!, CultureInfo.InvariantCulture) > rightEdge, "the plot starts right of its labels");
    }

    [Fact]
    public void Render_KeepsTheUsualMarginForShortLabels()
    {
        var svg = SvgChart.Render("share", " %", 100, 60, [], []);

        Assert.Contains("x1=\"56\"", svg, StringComparison.Ordinal);
        Assert.Equal(56, SvgChart.LeftMargin(["0 %", "100 %"]));
    }

    [Theory]
    [InlineData("1897.5 ms", 73)]
    [InlineData("12345.67 ms", 87)]
    public void LeftMargin_GrowsWithTheLongestLabel(string label, int expected) =>
        Assert.Equal(expected, SvgChart.LeftMargin(["0 ms", label]));
}
