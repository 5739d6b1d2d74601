using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Composition;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests.Targets;

/// <summary>Which target a command acts on: --target over the configuration's target:.</summary>
public sealed class TargetSessionsTests : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bluegreen-target-" + Guid.NewGuid().ToString("N"));

    public TargetSessionsTests()
    {
        Directory.CreateDirectory(_directory);
    }

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task TheConfigurationsTarget_IsUsed_WhenNoOptionIsGiven()
    {
        var (code, output) = await RunAsync("status", "--config", Config("aws"));

        Assert.Equal(1, code);
        Assert.Contains("AWS mode needs AWS credentials", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetSandbox_OverridesTargetAwsInTheConfiguration()
    {
        var config = Config("aws");

        var (code, output) = await RunAsync("pause", "--config", config, "--target", "sandbox");

        Assert.Equal(1, code);
        Assert.Contains("No sandbox is running", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TargetAws_OverridesTargetSandboxInTheConfiguration()
    {
        var (code, output) = await RunAsync("shift", "10", "--config", Config("sandbox"), "--target", "aws");

        Assert.Equal(1, code);
        Assert.Contains("AWS mode needs AWS credentials", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AShareOutOfRange_IsBadInput_BeforeTheTargetIsOpened()
    {
        var (code, output) = await RunAsync("shift", "101", "--config", Config("aws"));

        Assert.Equal(2, code);
        Assert.Contains("from 0 to 100 percent", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadPrometheusUrl_IsBadInput()
    {
        var (code, output) = await RunAsync("upgrade", "--config", Config("aws"), "--prometheus-url", "not a url");

        Assert.Equal(2, code);
        Assert.Contains("--prometheus-url 'not a url' is not an http or https URL", output, StringComparison.Ordinal);
    }

    private static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var services = new AwsModeServices { Credentials = new NoCredentials() };
        var code = await BlueGreenCli.RunAsync(args, console, r =>
        {
            r.Replace(typeof(TimeProvider), new FakeTimeProvider(CliRunner.Today));
            r.Replace(typeof(AwsModeServices), services);
        });
        return (code, console.Output);
    }

    private string Config(string target)
    {
        var text = File.ReadAllText(CliRunner.DefaultConfigPath);
        var path = Path.Combine(_directory, $"bluegreen-{target}.yaml");
        File.WriteAllText(path, text.Replace("target: sandbox", $"target: {target}", StringComparison.Ordinal));
        return path;
    }

    private sealed class NoCredentials : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult<AWSCredentials?>(null);
    }
}
