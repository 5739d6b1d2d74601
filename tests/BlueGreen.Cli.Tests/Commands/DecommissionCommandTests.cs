using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class DecommissionCommandTests
{
    [Fact]
    public async Task AnUnknownColour_IsBadInput()
    {
        var (exit, output) = await RunAsync("decommission", "red", "--journal-bucket", "b", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Known colours: blue, green", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheJournalBucket_IsBadInput_NamingTheSsmParameter()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("/test/common/journal-bucket", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_Fails_BeforeTouchingAnything()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--journal-bucket", "b", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("needs AWS credentials", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(250);
        var services = new AwsModeServices { Credentials = new NoCredentials() };
        var exit = await BlueGreenCli.RunAsync(args, console, r =>
        {
            r.Replace(typeof(TimeProvider), new FakeTimeProvider(CliRunner.Today));
            r.Replace(typeof(AwsModeServices), services);
        });
        return (exit, console.Output);
    }

    private sealed class NoCredentials : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult<AWSCredentials?>(null);
    }
}
