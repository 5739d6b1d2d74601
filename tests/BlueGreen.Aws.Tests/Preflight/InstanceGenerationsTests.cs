using BlueGreen.Aws.Preflight;

namespace BlueGreen.Aws.Tests.Preflight;

public sealed class InstanceGenerationsTests
{
    [Theory]
    [InlineData("m7i.large", "m7i")]
    [InlineData("m7i-flex.large", "m7i-flex")]
    [InlineData("c6gn.16xlarge", "c6gn")]
    [InlineData("m7i.metal-24xl", "m7i")]
    [InlineData("u-6tb1.metal", null)]
    [InlineData("large", null)]
    public void ReadsTheFamily(string type, string? family)
    {
        Assert.Equal(family, InstanceGenerations.FamilyOf(type));
    }

    [Fact]
    public void Fails_ThePreviousGenerationTypeOfTheReference()
    {
        var result = InstanceGenerations.Evaluate("green", ["m7i.large", "m3.medium"]);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains("m3.medium is a previous-generation type", result.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_ANameThatIsNoInstanceType()
    {
        Assert.Equal(PreflightStatus.Fail, InstanceGenerations.Evaluate("green", ["m7ilarge"]).Status);
    }

    [Fact]
    public void Passes_CurrentTypes()
    {
        Assert.Equal(PreflightStatus.Pass, InstanceGenerations.Evaluate("green", ["m7i.large", "c7g.xlarge"]).Status);
    }
}
