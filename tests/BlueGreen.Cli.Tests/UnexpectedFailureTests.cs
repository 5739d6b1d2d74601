using BlueGreen.Cli.Infrastructure;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests;

public sealed class UnexpectedFailureTests
{
    [Fact]
    public async Task AnUnexpectedException_ExitsOne_WithASentence_AndNoStackTrace()
    {
        var console = new TestConsole().Width(200);

        var exit = await BlueGreenCli.RunAsync(["validate", "--config", CliRunner.DefaultConfigPath], console, r => r.Replace(typeof(TimeProvider), new BrokenClock()));

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("failed InvalidOperationException: The clock is broken.", console.Output, StringComparison.Ordinal);
        Assert.Contains("BLUEGREEN_DEBUG=1", console.Output, StringComparison.Ordinal);
        Assert.DoesNotContain(" at BlueGreen.", console.Output, StringComparison.Ordinal);
    }

    private sealed class BrokenClock : TimeProvider
    {
        public override DateTimeOffset GetUtcNow() => throw new InvalidOperationException("The clock is broken.");
    }
}
