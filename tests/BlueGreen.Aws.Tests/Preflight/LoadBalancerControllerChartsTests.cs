using BlueGreen.Aws.Preflight;

namespace BlueGreen.Aws.Tests.Preflight;

public sealed class LoadBalancerControllerChartsTests
{
    [Theory]
    [InlineData("1.13.3", "1.33")]
    [InlineData("1.5.0", "1.22")]
    [InlineData("1.4.8", "1.19")]
    [InlineData("1.3.3", "1.21")]
    [InlineData("v1.13.3", "1.35")]
    public void Passes_AVersionInTheDocumentedRange(string chart, string kubernetes)
    {
        Assert.Equal(PreflightStatus.Pass, LoadBalancerControllerCharts.Evaluate(chart, kubernetes).Status);
    }

    [Theory]
    [InlineData("1.13.3", "1.21", "22+")]
    [InlineData("1.4.0", "1.18", "19+")]
    [InlineData("1.3.3", "1.22", "16-1.21")]
    [InlineData("1.1.6", "1.16", "15-1.15")]
    public void Fails_AVersionOutsideIt_NamingTheRange(string chart, string kubernetes, string range)
    {
        var result = LoadBalancerControllerCharts.Evaluate(chart, kubernetes);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Contains($"supports Kubernetes 1.{range}", result.Detail, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("latest", "1.33")]
    [InlineData("2.13.3", "1.33")]
    [InlineData("1.13.3", "1.x")]
    public void Fails_SomethingThatIsNotAVersion(string chart, string kubernetes)
    {
        Assert.Equal(PreflightStatus.Fail, LoadBalancerControllerCharts.Evaluate(chart, kubernetes).Status);
    }
}
