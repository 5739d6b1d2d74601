using System.Text.Json;
using System.Text.Json.Nodes;
using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Composition;
using BlueGreen.Kubernetes.Access;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using k8s;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// <c>preflight --output json</c> is a contract scripts read (docs/aws-mode.md): on the shipped configuration, offline,
/// on a fixed day, its whole document equals the snapshot. A change of a field, a check's name or its order fails here;
/// update the snapshot and the documentation together.
/// </summary>
public sealed class PreflightJsonSnapshotTests
{
    private static readonly string Snapshot = RepositoryRoot.Combine("tests", "BlueGreen.Cli.Tests", "Commands", "Snapshots", "preflight-offline.json");

    [Fact]
    public async Task OfflineOnTheShippedConfiguration_TheJsonEqualsTheSnapshot()
    {
        var console = new TestConsole().Width(250);
        var services = new AwsModeServices { Credentials = new NoCredentials(), Kubernetes = new NoContexts() };

        var exit = await BlueGreenCli.RunAsync(["preflight", "--config", CliRunner.DefaultConfigPath, "--output", "json"], console, r =>
        {
            r.Replace(typeof(TimeProvider), new FakeTimeProvider(CliRunner.Today));
            r.Replace(typeof(AwsModeServices), services);
        });

        Assert.Equal(0, exit);
        // The configuration's path is where this checkout is; the snapshot names it <repository>.
        var actual = JsonNode.Parse(console.Output.Replace(RepositoryRoot.Path + Path.DirectorySeparatorChar, "<repository>/", StringComparison.Ordinal))!;
        var expected = JsonNode.Parse(File.ReadAllText(Snapshot))!;
        Assert.True(JsonNode.DeepEquals(expected, actual), $"preflight --output json differs from {Snapshot}; it printed:\n{actual.ToJsonString(new JsonSerializerOptions { WriteIndented = true })}");
    }

    private sealed class NoCredentials : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult<AWSCredentials?>(null);
    }

    private sealed class NoContexts : IKubernetesClientFactory
    {
        public IKubernetes Create(string context) => throw new KubeconfigException($"The kubeconfig has no usable context '{context}'.");
    }
}
