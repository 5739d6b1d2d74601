using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Kubernetes.Access;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using k8s;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class BootstrapCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-bootstrap-").FullName;
    private readonly List<Uri> _downloads = [];

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AnUnknownColour_IsBadInput()
    {
        var (exit, output) = await RunAsync("bootstrap", "red", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Known colours: blue, green", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingManifestFile_IsBadInput()
    {
        var (exit, output) = await RunAsync("bootstrap", "green", "--manifest", Path.Combine(_dir, "none.yaml"), "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("no such file", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DownloadsThePinnedManifest_ThenFailsOnAMissingContext()
    {
        var (exit, output) = await RunAsync("bootstrap", "green", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Equal([new Uri("https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.8/manifests/install.yaml")], _downloads);
        Assert.Contains("no usable context 'test-green'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedDownload_SaysToPassTheManifest()
    {
        var (exit, output) = await RunAsync(new AwsModeServices { Kubernetes = new NoContexts(), Download = (_, _) => throw new HttpRequestException("Name or service not known") }, "bootstrap", "green", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("--manifest <file>", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        RunAsync(new AwsModeServices { Kubernetes = new NoContexts(), Download = (url, _) => { _downloads.Add(url); return Task.FromResult("apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: a\n"); } }, args);

    private static async Task<(int ExitCode, string Output)> RunAsync(AwsModeServices services, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var exit = await BlueGreenCli.RunAsync(args, console, r =>
        {
            r.Replace(typeof(TimeProvider), new FakeTimeProvider(CliRunner.Today));
            r.Replace(typeof(AwsModeServices), services);
        });
        return (exit, console.Output);
    }

    private sealed class NoContexts : IKubernetesClientFactory
    {
        public IKubernetes Create(string context) => throw new KubeconfigException($"The kubeconfig has no usable context '{context}'.");
    }
}
