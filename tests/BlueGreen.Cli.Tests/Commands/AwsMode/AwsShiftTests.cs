using System.Net;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>
/// <c>shift --target aws</c> as an operator runs it, on moto: with no cluster reachable (no kubeconfig here) the
/// records keep the load balancers they point at; a read-back that fails after an accepted change says so.
/// </summary>
public sealed class AwsShiftTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly MotoFixture _moto;
    private AwsAccount _account = null!;

    public AwsShiftTests(MotoFixture moto)
    {
        _moto = moto;
    }

    public async Task InitializeAsync() => _account = await AwsAccount.CreateAsync(_moto);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task WithNoClusterReachable_ShiftKeepsTheRecordsLoadBalancers_AndSaysSo()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        var (code, output) = await RunAsync(AwsAccount.Environment(_moto.Endpoint), "shift", "100");

        Assert.True(code == 0, output);
        Assert.Contains("Weights now blue=0 green=100.", output, StringComparison.Ordinal);
        Assert.Contains($"green: its load balancer could not be looked up", CliRunner.Flat(output), StringComparison.Ordinal);
        var records = await _account.RecordsAsync();
        Assert.Equal((0, 100), (records["blue"].Weight, records["green"].Weight));
        Assert.True(records["green"].Target.SameTargetAs(AwsAccount.Targets["green"]), records["green"].Target.ToString());
        Assert.True(records["blue"].Target.SameTargetAs(AwsAccount.Targets["blue"]), records["blue"].Target.ToString());
    }

    [Fact]
    public async Task AllToTheLiveColour_WhenTheCandidateHasNoRecordAndNoCluster_LeavesTheCandidateWithoutARecord()
    {
        await _account.WriteWeightsAsync(("blue", 100));

        var (code, output) = await RunAsync(AwsAccount.Environment(_moto.Endpoint), "shift", "0");

        Assert.True(code == 0, output);
        Assert.Contains("green: its load balancer could not be looked up", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("it has no record, so it gets none (weight 0)", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Equal(["blue"], (await _account.RecordsAsync()).Keys);
    }

    [Fact]
    public async Task TrafficToAColourWithNeitherARecordNorACluster_IsRefused_AndNothingChanges()
    {
        await _account.WriteWeightsAsync(("blue", 100));

        var (code, output) = await RunAsync(AwsAccount.Environment(_moto.Endpoint), "shift", "25");

        Assert.Equal(1, code);
        Assert.Contains("green is to get weight 25, but its load balancer could not be looked up", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("nothing was changed", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Equal(100, Assert.Single(await _account.RecordsAsync()).Value.Weight);
        Assert.Empty(await _account.ObjectsAsync("lock.json"));
    }

    [Fact]
    public async Task AReadBackDeniedAfterTheChange_SaysTheWeightsWereChanged_ToWhat_AndHowToCheck()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));
        var listings = 0;
        using var proxy = new FaultyProxy(_moto.Endpoint, new FaultInjectingHandler().AnswerInstead(
            r => r.Is(HttpMethod.Get, "/rrset") && Interlocked.Increment(ref listings) >= 2,
            HttpStatusCode.Forbidden,
            "<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User is not authorized to perform: route53:ListResourceRecordSets</Message></Error><RequestId>1</RequestId></ErrorResponse>",
            times: 10));

        var (code, output) = await RunAsync(AwsAccount.Environment(proxy.Endpoint), "shift", "100");

        Assert.Equal(1, code);
        var flat = CliRunner.Flat(output);
        Assert.Contains("The weights were changed to blue=0 green=100: the change was accepted. Reading them back then failed: Route53 denied ListResourceRecordSets", flat, StringComparison.Ordinal);
        Assert.Contains($"Check them with `aws route53 list-resource-record-sets --hosted-zone-id {_account.ZoneId}", flat, StringComparison.Ordinal);
        Assert.Equal(100, (await _account.RecordsAsync())["green"].Weight);
        Assert.Empty(await _account.ObjectsAsync("lock.json"));
    }

    [Fact]
    public async Task ShiftHoldsTheLockOnlyWhileItWorks()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        var (code, output) = await RunAsync(AwsAccount.Environment(_moto.Endpoint), "shift", "10");

        Assert.True(code == 0, output);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        Assert.Null(await new S3Lock(s3, _account.State, TimeProvider.System).ReadAsync(CancellationToken.None));
        Assert.Equal((90, 10), ((await _account.RecordsAsync())["blue"].Weight, (await _account.RecordsAsync())["green"].Weight));
    }

    private static Task<(int ExitCode, string Output)> RunAsync(Dictionary<string, string> environment, params string[] args) =>
        CliProcess.RunAsync(environment, [.. args, "--target", "aws", "--config", CliRunner.DefaultConfigPath]);
}
