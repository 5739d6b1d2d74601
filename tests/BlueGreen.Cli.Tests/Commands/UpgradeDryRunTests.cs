using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary><c>upgrade --dry-run</c>: the whole plan from the configuration alone; nothing opened, nothing changed.</summary>
public sealed class UpgradeDryRunTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-dryrun-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task Text_OnAws_MatchesTheSnapshot()
    {
        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Snapshots.Match("upgrade-dry-run-aws.txt", output);
    }

    [Fact]
    public async Task Json_OnTheSandbox_MatchesTheSnapshot()
    {
        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--output", "json", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        Snapshots.Match("upgrade-dry-run-sandbox.json", output);
    }

    [Fact]
    public async Task Json_OnAws_HasEveryStage_WeightsAddingUpToTheScale_AndABatchWhereWeightsAreSet()
    {
        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--target", "aws", "--output", "json", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.True(root.GetProperty("dryRun").GetBoolean());
        Assert.False(root.GetProperty("changed").GetBoolean());
        var stages = root.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["verify", "share", "share", "share", "share", "drain"], stages.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal([0, 10, 25, 50, 100, 100], stages.Select(s => s.GetProperty("percent").GetInt32()));
        foreach (var stage in stages)
        {
            var weights = stage.GetProperty("weights").EnumerateObject().ToDictionary(p => p.Name, p => p.Value.GetInt32());
            Assert.Equal(100, weights.Values.Sum());
            Assert.Equal(stage.GetProperty("percent").GetInt32(), weights["green"]);
            var setsWeights = stage.GetProperty("setsWeights").GetBoolean();
            Assert.Equal(setsWeights, stage.TryGetProperty("changeBatch", out var batch));
            if (setsWeights)
            {
                var changes = batch.GetProperty("Changes").EnumerateArray().ToList();
                Assert.All(changes, c => Assert.Equal("UPSERT", c.GetProperty("Action").GetString()));
                Assert.Equal(weights["blue"], changes.Single(c => c.GetProperty("ResourceRecordSet").GetProperty("SetIdentifier").GetString() == "blue").GetProperty("ResourceRecordSet").GetProperty("Weight").GetInt32());
            }
        }

        Assert.Equal("30s", root.GetProperty("gates").GetProperty("interval").GetString());
        Assert.Equal("23m", root.GetProperty("duration").GetString());
        Assert.Equal("blue", root.GetProperty("decommission").GetProperty("colour").GetString());
    }

    [Fact]
    public async Task PausesAndApprovals_HoldTheWeightsOfTheStepBefore()
    {
        var config = WriteConfig(File.ReadAllText(CliRunner.DefaultConfigPath).Replace(
            "steps: [10, 25, 50, 100]",
            "steps: [10, {pause: 1m}, {approval: look at the dashboards}, 100]",
            StringComparison.Ordinal));

        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--target", "aws", "--output", "json", "--config", config);

        Assert.True(exit == ExitCodes.Ok, output);
        using var json = JsonDocument.Parse(output);
        var stages = json.RootElement.GetProperty("stages").EnumerateArray().ToList();
        Assert.Equal(["verify", "share", "pause", "approval", "share", "drain"], stages.Select(s => s.GetProperty("kind").GetString()));
        Assert.Equal([0, 10, 10, 10, 100, 100], stages.Select(s => s.GetProperty("percent").GetInt32()));
        Assert.Equal("1m", stages[2].GetProperty("hold").GetString());
        Assert.Contains("look at the dashboards", stages[3].GetProperty("description").GetString(), StringComparison.Ordinal);
        Assert.False(stages[3].TryGetProperty("changeBatch", out _));
    }

    [Fact]
    public async Task OnAws_SendsNothingAnywhere_EvenWithAnEndpointGiven()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var endpoint = $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";

        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--target", "aws", "--aws-endpoint", endpoint, "--config", CliRunner.DefaultConfigPath);

        Assert.True(exit == ExitCodes.Ok, output);
        Assert.False(listener.Pending(), "the dry run connected to the AWS endpoint");
    }

    [Fact]
    public async Task APlanThatCannotRun_IsBadInput_NamingTheProblem()
    {
        var config = WriteConfig(File.ReadAllText(CliRunner.DefaultConfigPath).Replace("steps: [10, 25, 50, 100]", "steps: [10, 25, 50]", StringComparison.Ordinal));

        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dry-run", "--config", config);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.DoesNotContain("Dry run", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMistypedDryRun_IsRefused_BeforeAnythingRuns()
    {
        var (exit, output) = await CliRunner.RunAsync("upgrade", "--dryrun", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("--dry-run", output, StringComparison.Ordinal);
    }

    private string WriteConfig(string text)
    {
        var path = Path.Combine(_dir, "bluegreen.yaml");
        File.WriteAllText(path, text);
        return path;
    }
}
