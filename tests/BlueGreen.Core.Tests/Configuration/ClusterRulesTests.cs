namespace BlueGreen.Core.Tests.Configuration;

public sealed class ClusterRulesTests
{
    private const string BlueNodes = "      minSize: 2\n      maxSize: 3\n      desiredSize: 2\n      instanceTypes: [m7i.large]\n  - colour: green";

    private static string BlueNodesAs(int min, int max, int desired) =>
        TestConfig.With(BlueNodes, $"      minSize: {min}\n      maxSize: {max}\n      desiredSize: {desired}\n      instanceTypes: [m7i.large]\n  - colour: green");

    [Fact]
    public void Rejects_MinGreaterThanDesired()
    {
        var error = TestConfig.SingleError(BlueNodesAs(min: 3, max: 3, desired: 2));

        Assert.Equal("clusters[0].nodeGroup.minSize", error.KeyPath);
        Assert.Equal("minSize (3) is greater than desiredSize (2).", error.Message);
    }

    [Fact]
    public void Rejects_DesiredGreaterThanMax_TheReferenceDefect()
    {
        var error = TestConfig.SingleError(BlueNodesAs(min: 2, max: 2, desired: 3));

        Assert.Equal("clusters[0].nodeGroup.desiredSize", error.KeyPath);
        Assert.Equal("desiredSize (3) is greater than maxSize (2).", error.Message);
    }

    [Fact]
    public void Rejects_ZeroNodes()
    {
        var error = TestConfig.SingleError(BlueNodesAs(min: 0, max: 0, desired: 0));

        Assert.Contains("zero nodes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_DuplicateColour()
    {
        var errors = TestConfig.Parse(TestConfig.With("  - colour: green", "  - colour: blue")).Errors;

        Assert.Contains(errors, e => e.KeyPath == "clusters[1].colour" && e.Message == "The colour 'blue' is used twice (also clusters[0]).");
    }

    [Fact]
    public void Rejects_DuplicateClusterName()
    {
        var error = TestConfig.SingleError(TestConfig.With("    name: test-green\n", "    name: test-blue\n"));

        Assert.Equal("clusters[1].name", error.KeyPath);
        Assert.Equal("The cluster name 'test-blue' is used twice (also clusters[0]).", error.Message);
    }

    [Fact]
    public void Rejects_FewerThanTwoColours()
    {
        var yaml = TestConfig.DefaultYaml;
        var start = yaml.IndexOf("  - colour: green", StringComparison.Ordinal);
        var end = yaml.IndexOf("\ntraffic:", StringComparison.Ordinal);
        yaml = string.Concat(yaml.AsSpan(0, start), yaml.AsSpan(end + 1));

        var errors = TestConfig.Parse(yaml).Errors;

        Assert.Contains(errors, e => e.KeyPath == "clusters" && e.Message == "Blue/green needs at least two clusters; 1 configured.");
    }

    [Fact]
    public void Rejects_LiveColourNotAmongClusters()
    {
        var error = TestConfig.SingleError(TestConfig.With("  live: blue", "  live: purple"));

        Assert.Equal("traffic.live", error.KeyPath);
        Assert.Equal("The live colour 'purple' is not among the clusters (blue, green).", error.Message);
    }

    [Fact]
    public void Rejects_AnInstanceTypeThatIsNotOne()
    {
        var yaml = TestConfig.With(BlueNodes, BlueNodes.Replace("[m7i.large]", "[large]", StringComparison.Ordinal));

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[0].nodeGroup.instanceTypes[0]", error.KeyPath);
    }

    [Fact]
    public void Rejects_AColourThatIsNotADnsLabel()
    {
        var errors = TestConfig.Parse(TestConfig.With("  - colour: green", "  - colour: Green_2")).Errors;

        Assert.Contains(errors, e => e.KeyPath == "clusters[1].colour");
    }

    [Theory]
    [InlineData("common")]
    [InlineData("ci")]
    public void Rejects_AColourThatCollidesWithAStackName(string colour)
    {
        var errors = TestConfig.Parse(TestConfig.With("  - colour: green", $"  - colour: {colour}")).Errors;

        Assert.Contains(errors, e => e.KeyPath == "clusters[1].colour" && e.Message == $"The colour '{colour}' would collide with the <env>-{colour} stack.");
    }
}
