namespace BlueGreen.Core.Tests.Configuration;

public sealed class ConfigLoaderShapeTests
{
    [Fact]
    public void Rejects_UnknownTopLevelKey_SuggestingTheNearest()
    {
        var yaml = TestConfig.With("region: ap-northeast-1", "regoin: ap-northeast-1");

        var errors = TestConfig.Parse(yaml).Errors;

        var unknown = Assert.Single(errors, e => e.KeyPath == "regoin");
        Assert.Equal("Unknown key 'regoin'.", unknown.Message);
        Assert.Equal("Did you mean 'region'?", unknown.Hint);
        Assert.Equal(TestConfig.LineOf(yaml, "regoin"), unknown.Line);
        Assert.Equal(1, unknown.Column);
        Assert.Contains(errors, e => e.KeyPath == "region" && e.Message.Contains("required key 'region' is missing", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_UnknownNestedKey_WithItsPath()
    {
        var yaml = TestConfig.With("      desiredSize: 2\n      instanceTypes: [m7i.large]\n  - colour: green", "      desiredSize: 2\n      desiredSise: 2\n      instanceTypes: [m7i.large]\n  - colour: green");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[0].nodeGroup.desiredSise", error.KeyPath);
        Assert.Equal("Did you mean 'desiredSize'?", error.Hint);
        Assert.Equal(7, error.Column);
    }

    [Fact]
    public void Rejects_UnknownKey_FarFromAnyKnown_ListingTheKnownKeys()
    {
        var error = TestConfig.SingleError(TestConfig.With("  natGateways: 1", "  natGateways: 1\n  flavour: vanilla"));

        Assert.Equal("network.flavour", error.KeyPath);
        Assert.StartsWith("Known keys here: vpcCidr, availabilityZones", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_TextWhereANumberBelongs()
    {
        var yaml = TestConfig.With("      minSize: 2\n      maxSize: 3\n      desiredSize: 2\n      instanceTypes: [m7i.large]\n  - colour: green", "      minSize: two\n      maxSize: 3\n      desiredSize: 2\n      instanceTypes: [m7i.large]\n  - colour: green");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("clusters[0].nodeGroup.minSize", error.KeyPath);
        Assert.Equal("Expected a whole number, found 'two'.", error.Message);
        Assert.Equal(TestConfig.LineOf(yaml, "minSize: two"), error.Line);
        Assert.Equal(16, error.Column);
    }

    [Fact]
    public void Rejects_AQuotedNumber_HintingToRemoveTheQuotes()
    {
        var error = TestConfig.SingleError(TestConfig.With("  natGateways: 1", "  natGateways: \"1\""));

        Assert.Equal("Expected a whole number, found the quoted text \"1\".", error.Message);
        Assert.Equal("Remove the quotes.", error.Hint);
    }

    [Fact]
    public void Rejects_AWordWhereABooleanBelongs()
    {
        var error = TestConfig.SingleError(TestConfig.With("  dynamoDbEndpoint: false", "  dynamoDbEndpoint: no"));

        Assert.Equal("network.dynamoDbEndpoint", error.KeyPath);
        Assert.Equal("Expected true or false, found 'no'.", error.Message);
    }

    [Fact]
    public void Rejects_AScalarWhereAListBelongs()
    {
        var error = TestConfig.SingleError(TestConfig.With("  publicSubnets: [10.0.0.0/24, 10.0.1.0/24, 10.0.2.0/24]", "  publicSubnets: 10.0.0.0/24"));

        Assert.Equal("network.publicSubnets", error.KeyPath);
        Assert.Equal("Expected a list, found '10.0.0.0/24'.", error.Message);
    }

    [Fact]
    public void Rejects_AListWhereAMappingBelongs()
    {
        var yaml = TestConfig.With("data:\n  tableName: test-dynamodb\n  partitionKey: UserId\n  pointInTimeRecovery: true", "data: [test-dynamodb]");

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("data", error.KeyPath);
        Assert.Equal("Expected a mapping of keys, found a list.", error.Message);
    }

    [Fact]
    public void Rejects_MissingRequiredKey_AtItsParent()
    {
        var yaml = TestConfig.With("  tableName: test-dynamodb\n", string.Empty);

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("data.tableName", error.KeyPath);
        Assert.Equal("The required key 'tableName' is missing in 'data'.", error.Message);
    }

    [Theory]
    [InlineData("5 minutes")]
    [InlineData("5")]
    [InlineData("m5")]
    [InlineData("-5m")]
    public void Rejects_UnparsableDuration(string text)
    {
        var error = TestConfig.SingleError(TestConfig.With("  bake: 5m\n", $"  bake: {text}\n"));

        Assert.Equal("traffic.bake", error.KeyPath);
        Assert.Equal($"'{text}' is not a duration.", error.Message);
        Assert.Contains("500ms, 30s, 5m", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_UnknownEnumWord_ListingTheChoices()
    {
        var error = TestConfig.SingleError(TestConfig.With("target: sandbox", "target: cloud"));

        Assert.Equal("target", error.KeyPath);
        Assert.Equal("'cloud' is not one of sandbox, aws.", error.Message);
    }

    [Fact]
    public void Reads_RichSteps_PercentWithBake_PauseAndApproval()
    {
        var yaml = TestConfig.With("  steps: [10, 25, 50, 100] ", "  steps: [{percent: 10, bake: 1m}, {pause: 2m}, {approval: look at the dashboards}, 100] ");

        var steps = TestConfig.Parse(yaml).Config!.Traffic.Steps;

        Assert.Equal(
            [new Core.Plans.SetShareStep(10, TimeSpan.FromMinutes(1)), new Core.Plans.TimedPauseStep(TimeSpan.FromMinutes(2)), new Core.Plans.ApprovalStep("look at the dashboards"), new Core.Plans.SetShareStep(100, TimeSpan.FromMinutes(5))],
            steps);
    }

    [Fact]
    public void Rejects_AStepOfTwoKinds()
    {
        var error = TestConfig.SingleError(TestConfig.With("  steps: [10, 25, 50, 100] ", "  steps: [10, {percent: 25, pause: 1m}, 50, 100] "));

        Assert.Equal("traffic.steps[1]", error.KeyPath);
        Assert.Equal("A step is exactly one kind, but this one has percent and pause.", error.Message);
    }
}
