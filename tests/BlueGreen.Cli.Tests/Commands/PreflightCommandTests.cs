using System.Text.Json;
using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Configuration;
using BlueGreen.Kubernetes.Access;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;
using k8s;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class PreflightCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-preflight-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Preflight_OfflineOnTheDefaultConfig_SkipsTheAwsChecks_AndRunsTheRest()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--to", "green", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Equal(7, CountOf(output, "SKIPPED"));
        Assert.Contains("removed APIs", output, StringComparison.Ordinal);
        Assert.Contains("Chart 1.13.3 supports Kubernetes 1.33.", output, StringComparison.Ordinal);
        Assert.Contains("Preflight passed for blue -> green.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_Json_ListsEveryCheckWithItsStatus()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        Assert.True(json.RootElement.GetProperty("ok").GetBoolean());
        Assert.Equal("green", json.RootElement.GetProperty("to").GetString());
        var statuses = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => c.GetProperty("status").GetString());
        Assert.Equal("warn", statuses["kubernetes version"]);
        Assert.Equal("pass", statuses["instance types"]);
        Assert.Equal("skipped", statuses["subnet free IPs"]);
    }

    [Fact]
    public async Task Preflight_OnTheShippedFile_WarnsAboutTheSettingsADeploymentNeeds_AndPassesForTheSandbox()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        Assert.Equal(ExitCodes.Ok, exit);
        var statuses = Statuses(output);
        Assert.Equal("warn", statuses["deployment settings clusters[0].adminRoleArns"]);
        Assert.Equal("warn", statuses["deployment settings gitops.repoUrl"]);
        Assert.Equal("warn", statuses["deployment settings clusters[1].publicAccessCidrs"]);
    }

    [Fact]
    public async Task Preflight_TargetAws_FailsOnPlaceholdersAndMissingAdmins_NamingEachKey()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--config", CliRunner.DefaultConfigPath, "--target", "aws", "--output", "json");

        Assert.Equal(ExitCodes.Failure, exit);
        var statuses = Statuses(output);
        Assert.Equal(
            ["deployment settings account", "deployment settings ci.repository", "deployment settings clusters[0].adminRoleArns", "deployment settings clusters[1].adminRoleArns", "deployment settings dns.parentZoneId", "deployment settings gitops.repoUrl"],
            statuses.Where(s => s.Value == "fail").Select(s => s.Key).Order(StringComparer.Ordinal));
        Assert.Equal("warn", statuses["deployment settings clusters[0].publicAccessCidrs"]);
        Assert.Contains("No one gets access to test-blue", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_TargetAws_OnADeployableFile_PassesTheDeploymentSettings()
    {
        var text = File.ReadAllText(CliRunner.DefaultConfigPath)
            .Replace("account: \"111122223333\"", "account: \"444455556666\"", StringComparison.Ordinal)
            .Replace("Z0000000000000EXAMPLE", "Z04482712AB3CD4EF5GH6", StringComparison.Ordinal)
            .Replace("your-github-org/bluegreen", "my-org/bluegreen", StringComparison.Ordinal)
            .Replace("    adminRoleArns: []", "    adminRoleArns: [arn:aws:iam::444455556666:role/platform]", StringComparison.Ordinal)
            .Replace("    publicAccessCidrs: []", "    publicAccessCidrs: [203.0.113.0/24]", StringComparison.Ordinal)
            .Replace("    version: \"1.32\"", "    version: \"1.34\"", StringComparison.Ordinal)
            .Replace("    version: \"1.33\"", "    version: \"1.34\"", StringComparison.Ordinal);
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, text);

        var (_, output) = await RunAsync(NoAws(), "preflight", "--config", path, "--target", "aws", "--output", "json");

        Assert.Equal("pass", Statuses(output)["deployment settings"]);
    }

    private static Dictionary<string, string?> Statuses(string output)
    {
        using var json = JsonDocument.Parse(output);
        return json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => c.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Preflight_APreviousGenerationInstanceType_Fails()
    {
        var config = WriteConfig(yaml => ReplaceLast(yaml, "instanceTypes: [m7i.large]", "instanceTypes: [m3.medium]"));

        var (exit, output) = await RunAsync(NoAws(), "preflight", "--to", "green", "--config", config);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("m3.medium is a previous-generation type", output, StringComparison.Ordinal);
        Assert.Contains("Preflight failed", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_ARemovedApiInTheCommittedTree_Fails_NamingTheFile()
    {
        var config = WriteConfig(yaml => yaml);
        Directory.CreateDirectory(Path.Combine(_dir, "deploy", "green", "apps"));
        File.WriteAllText(Path.Combine(_dir, "deploy", "green", "apps", "old.yaml"), """
            apiVersion: policy/v1beta1
            kind: PodDisruptionBudget
            metadata:
              name: sample-app
              namespace: app
            spec:
              minAvailable: 1
            """);

        var (exit, output) = await RunAsync(NoAws(), "preflight", "--to", "green", "--config", config, "--output", "json");

        Assert.Equal(ExitCodes.Failure, exit);
        using var json = JsonDocument.Parse(output);
        var removed = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "removed APIs");
        Assert.Equal("fail", removed.GetProperty("status").GetString());
        Assert.Contains("green/apps/old.yaml: policy/v1beta1 PodDisruptionBudget 'sample-app'", removed.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_ToTheLiveColour_IsBadInput()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--to", "blue", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--to blue: that colour is live", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_ToAnUnknownColour_IsBadInput()
    {
        var (exit, output) = await RunAsync(NoAws(), "preflight", "--to", "red", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Known colours: blue, green", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Preflight_WithCredentials_ChecksTheSubnetsInEc2_AndFailsOnAnUnreachableContext()
    {
        await using var moto = new MotoFixture();
        await moto.InitializeAsync();
        using (var ec2 = moto.Ec2(region: "ap-northeast-1"))
        {
            await MotoNetwork.CreateCommonAsync(ec2, ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System).Config!);
        }

        var (exit, output) = await RunAsync(MotoServices.For(moto), "preflight", "--to", "green", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        Assert.Equal(ExitCodes.Failure, exit);
        using var json = JsonDocument.Parse(output);
        var checks = json.RootElement.GetProperty("checks").EnumerateArray().ToDictionary(c => c.GetProperty("check").GetString()!, c => (Status: c.GetProperty("status").GetString(), Detail: c.GetProperty("detail").GetString()));
        Assert.Equal("pass", checks["aws credentials"].Status);
        Assert.Equal("pass", checks["subnet free IPs"].Status);
        Assert.Contains("10.0.100.0/24 251 free", checks["subnet free IPs"].Detail, StringComparison.Ordinal);
        Assert.Equal("fail", checks["kubeconfig context blue"].Status);
        Assert.Equal("fail", checks["kubeconfig context green"].Status);
    }

    [Fact]
    public async Task Preflight_WithoutTheCommonStacksSubnets_FailsNamingTheStack()
    {
        await using var moto = new MotoFixture();
        await moto.InitializeAsync();

        var (exit, output) = await RunAsync(MotoServices.For(moto), "preflight", "--to", "green", "--config", CliRunner.DefaultConfigPath, "--output", "json");

        Assert.Equal(ExitCodes.Failure, exit);
        using var json = JsonDocument.Parse(output);
        var subnets = json.RootElement.GetProperty("checks").EnumerateArray().Single(c => c.GetProperty("check").GetString() == "subnet free IPs");
        Assert.Equal("fail", subnets.GetProperty("status").GetString());
        Assert.Contains("of the stack test-common was found in ap-northeast-1", subnets.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    private static AwsModeServices NoAws() => new() { Credentials = new FixedCredentials(null), Kubernetes = new NoContexts() };

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

    private string WriteConfig(Func<string, string> edit)
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, edit(File.ReadAllText(CliRunner.DefaultConfigPath)));
        return path;
    }

    private static string ReplaceLast(string text, string find, string replacement)
    {
        var at = text.LastIndexOf(find, StringComparison.Ordinal);
        return text[..at] + replacement + text[(at + find.Length)..];
    }

    private static int CountOf(string text, string word) => text.Split(word).Length - 1;

    private sealed class FixedCredentials(AWSCredentials? credentials) : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
    }

    private sealed class NoContexts : IKubernetesClientFactory
    {
        public IKubernetes Create(string context) => throw new KubeconfigException($"The kubeconfig has no usable context '{context}'.");
    }
}
