using System.Text.Json;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>
/// bluegreen and the AWS CLI on the same moto: what one writes the other reads exactly, as when an operator checks
/// the records with the AWS CLI or changes them by hand.
/// </summary>
public sealed class AwsCliInteropTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly MotoFixture _moto;
    private AwsAccount _account = null!;

    public AwsCliInteropTests(MotoFixture moto)
    {
        _moto = moto;
    }

    public async Task InitializeAsync() => _account = await AwsAccount.CreateAsync(_moto);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task TheAwsCli_SeesExactlyTheWeightsShiftWrote()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        var (code, output) = await RunAsync("shift", "25");
        using var listed = await AwsCli.RunAsync(_moto.Endpoint, "route53", "list-resource-record-sets", "--hosted-zone-id", _account.ZoneId);

        Assert.True(code == 0, output);
        var weighted = listed.RootElement.GetProperty("ResourceRecordSets").EnumerateArray()
            .Where(r => r.GetProperty("Name").GetString() == "test.example.com." && r.TryGetProperty("SetIdentifier", out _))
            .ToDictionary(r => r.GetProperty("SetIdentifier").GetString()!);
        Assert.Equal(["blue", "green"], weighted.Keys.Order());
        Assert.Equal(75, weighted["blue"].GetProperty("Weight").GetInt32());
        Assert.Equal(25, weighted["green"].GetProperty("Weight").GetInt32());
        foreach (var (colour, record) in weighted)
        {
            Assert.Equal("A", record.GetProperty("Type").GetString());
            var alias = record.GetProperty("AliasTarget");
            Assert.Equal(AwsAccount.Targets[colour].HostedZoneId, alias.GetProperty("HostedZoneId").GetString());
            Assert.Equal(AwsAccount.Targets[colour].LoadBalancerName, alias.GetProperty("DNSName").GetString()!.TrimEnd('.')["dualstack.".Length..]);
            Assert.True(alias.GetProperty("EvaluateTargetHealth").GetBoolean());
        }
    }

    [Fact]
    public async Task Status_ReadsWeightsTheAwsCliWroteByHand()
    {
        await ChangeByHandAsync(("blue", 40), ("green", 60));

        var (code, output) = await RunAsync("status");

        Assert.True(code == 0, output);
        Assert.Contains("weights blue=40 green=60", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_OverWeightsSplitByHand_RefusesToStart_AndLeavesNoJournalOrLock()
    {
        await ChangeByHandAsync(("blue", 50), ("green", 50));

        var (code, output) = await RunAsync("upgrade", "--skip-preflight");

        Assert.Equal(1, code);
        Assert.Contains("The service name's weights are blue=50 green=50, but an upgrade from 'blue' starts with all traffic on 'blue'.", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Empty(await _account.ObjectsAsync());
        var records = await _account.RecordsAsync();
        Assert.Equal((50, 50), (records["blue"].Weight, records["green"].Weight));
    }

    [Fact]
    public async Task TheDryRunsChangeBatch_IsOneTheAwsCliApplies_WithTheWeightsTheStepWouldSet()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        var (code, output) = await RunAsync("upgrade", "--dry-run", "--output", "json");

        Assert.True(code == 0, output);
        Assert.Empty(await _account.ObjectsAsync());
        using var plan = JsonDocument.Parse(output);
        var step = plan.RootElement.GetProperty("stages").EnumerateArray().First(s => s.GetProperty("kind").GetString() == "share");
        var batch = step.GetProperty("changeBatch").GetRawText();

        // The load balancers' names are looked up when a step runs; an operator fills them in.
        foreach (var (colour, target) in AwsAccount.Targets)
        {
            batch = batch.Replace($"<the {colour} cluster's Ingress load balancer>", target.DnsName, StringComparison.Ordinal);
        }

        using var changed = await AwsCli.RunAsync(_moto.Endpoint, "route53", "change-resource-record-sets", "--hosted-zone-id", _account.ZoneId, "--change-batch", batch);
        var (statusCode, status) = await RunAsync("status");

        Assert.Equal("INSYNC", changed.RootElement.GetProperty("ChangeInfo").GetProperty("Status").GetString());
        Assert.True(statusCode == 0, status);
        Assert.Contains("weights blue=90 green=10", CliRunner.Flat(status), StringComparison.Ordinal);
    }

    // An operator's habit: a change batch written by hand and sent with the AWS CLI.
    private async Task ChangeByHandAsync(params (string Colour, int Weight)[] weights)
    {
        var batch = JsonSerializer.Serialize(new
        {
            Comment = "by hand",
            Changes = weights.Select(w => new
            {
                Action = "UPSERT",
                ResourceRecordSet = new
                {
                    Name = "test.example.com.",
                    Type = "A",
                    SetIdentifier = w.Colour,
                    Weight = w.Weight,
                    AliasTarget = new { AwsAccount.Targets[w.Colour].HostedZoneId, DNSName = AwsAccount.Targets[w.Colour].DnsName, EvaluateTargetHealth = true },
                },
            }),
        });
        using var changed = await AwsCli.RunAsync(_moto.Endpoint, "route53", "change-resource-record-sets", "--hosted-zone-id", _account.ZoneId, "--change-batch", batch);
        Assert.Equal("INSYNC", changed.RootElement.GetProperty("ChangeInfo").GetProperty("Status").GetString());
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(AwsAccount.Environment(_moto.Endpoint), [.. args, "--target", "aws", "--config", CliRunner.DefaultConfigPath]);
}
