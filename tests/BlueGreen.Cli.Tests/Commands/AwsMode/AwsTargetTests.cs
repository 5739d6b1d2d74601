using BlueGreen.Aws.State;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Operators;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>
/// The target commands with <c>--target aws</c>, run as a separate process the way an operator runs them: credentials
/// from the environment, and Route53, S3 and SSM on moto through the SDKs' AWS_ENDPOINT_URL.
/// </summary>
public sealed class AwsTargetTests : IClassFixture<MotoFixture>, IAsyncLifetime
{
    private readonly MotoFixture _moto;
    private AwsAccount _account = null!;

    public AwsTargetTests(MotoFixture moto)
    {
        _moto = moto;
    }

    public async Task InitializeAsync() => _account = await AwsAccount.CreateAsync(_moto);

    public Task DisposeAsync() => Task.CompletedTask;

    [Fact]
    public async Task Rollback_AfterCompletion_ChecksTheOldColourFirst_AndChangesNothingWhenItIsNotReady()
    {
        await _account.WriteWeightsAsync(("blue", 0), ("green", 100));
        await _account.CompleteUpgradeAsync(CliRunner.Today);
        var objects = await _account.ObjectsAsync();

        var (code, output) = await RunAsync("rollback", "--target", "aws");

        Assert.True(code == 1, output);
        Assert.Contains("blue is not ready to take traffic back", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", CliRunner.Flat(output), StringComparison.Ordinal);
        var records = await _account.RecordsAsync();
        Assert.Equal((0, 100), (records["blue"].Weight, records["green"].Weight));
        Assert.Equal(objects.Where(o => !o.EndsWith("lock.json", StringComparison.Ordinal)), (await _account.ObjectsAsync()).Where(o => !o.EndsWith("lock.json", StringComparison.Ordinal)));
    }

    [Theory]
    [InlineData(false, "The rollback window is open: `bluegreen rollback` moves all traffic back to blue at once, until blue is decommissioned.", "open")]
    [InlineData(true, "The rollback window is closed: the decommission of blue began at", "closed")]
    public async Task Status_OfACompletedUpgrade_SaysWhetherTheRollbackWindowIsOpen(bool decommissionStarted, string sentence, string json)
    {
        await _account.WriteWeightsAsync(("blue", 0), ("green", 100));
        await _account.CompleteUpgradeAsync(CliRunner.Today, decommissionStarted);

        var (code, output) = await RunAsync("status", "--target", "aws");
        var (jsonCode, document) = await RunAsync("status", "--target", "aws", "--output", "json");

        Assert.True(code == 0, output);
        Assert.Contains(sentence, CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.True(jsonCode == 0, document);
        using var parsed = System.Text.Json.JsonDocument.Parse(document);
        Assert.Equal(json, parsed.RootElement.GetProperty("upgrade").GetProperty("rollbackWindow").GetString());
    }

    [Fact]
    public async Task Rollback_AfterTheDecommissionBegan_RefusesWithASentence()
    {
        await _account.WriteWeightsAsync(("blue", 0), ("green", 100));
        await _account.CompleteUpgradeAsync(CliRunner.Today, decommissionStarted: true);

        var (code, output) = await RunAsync("rollback", "--target", "aws");

        Assert.True(code == 1, output);
        Assert.Contains("The rollback window is closed: the decommission of blue began at", CliRunner.Flat(output), StringComparison.Ordinal);
        var records = await _account.RecordsAsync();
        Assert.Equal((0, 100), (records["blue"].Weight, records["green"].Weight));
    }

    [Fact]
    public async Task Status_ReadsTheBucketAndZoneFromSsm_AndPrintsTheRoute53Weights()
    {
        await _account.WriteWeightsAsync(("blue", 90), ("green", 10));

        var (code, output) = await RunAsync("status", "--target", "aws");

        Assert.True(code == 0, output);
        Assert.Contains("weights blue=90 green=10", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains($"in zone {_account.ZoneId}", output, StringComparison.Ordinal);
        Assert.Contains($"state in s3://{_account.Bucket}/test", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("No upgrade has started.", output, StringComparison.Ordinal);
        Assert.Contains("Nobody holds the lock.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Status_AsJson_HasTheWeightsAndWhereTheStateIs()
    {
        await _account.WriteWeightsAsync(("blue", 90), ("green", 10));

        var (code, output) = await RunAsync("status", "--target", "aws", "--output", "json", "--journal-bucket", _account.Bucket, "--zone-id", _account.ZoneId);

        Assert.True(code == 0, output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(90, json.RootElement.GetProperty("weights").GetProperty("blue").GetInt32());
        Assert.Equal($"s3://{_account.Bucket}/test", json.RootElement.GetProperty("aws").GetProperty("state").GetString());
    }

    [Fact]
    public async Task Status_OfAnUpgradeWithNoStepDone_SaysSo()
    {
        await _account.StartUpgradeAsync(CliRunner.Today);

        var (code, output) = await RunAsync("status", "--target", "aws");

        Assert.True(code == 0, output);
        Assert.Contains("Upgrade blue -> green: Pending, step 0 of 6, no step completed yet.", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("pause", "pause")]
    [InlineData("rollback", "roll back")]
    [InlineData("abort", "abort")]
    [InlineData("promote", "promote")]
    [InlineData("resume", "resume")]
    public async Task AnOperatorRequest_WhileNoUpgradeIsInProgress_IsRefusedWithExit2_AndLeavesNothing(string command, string verb)
    {
        var (code, output) = await RunAsync(command, "--target", "aws");

        Assert.Equal(2, code);
        Assert.Contains($"No upgrade is in progress: the journal s3://{_account.Bucket}/test/journal/ records none, so there is nothing to {verb}; nothing was requested. Start one with `bluegreen upgrade`", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Empty(await _account.ObjectsAsync());
    }

    [Fact]
    public async Task Pause_DuringAnUpgrade_LeavesARequestForThatUpgrade_ThatTheS3InboxReadsBack()
    {
        var upgrade = await _account.StartUpgradeAsync(CliRunner.Today);

        var (code, output) = await RunAsync("pause", "--target", "aws");

        Assert.True(code == 0, output);
        Assert.Contains("No engine is running", output, StringComparison.Ordinal);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        var request = Assert.Single(await new S3OperatorInbox(s3, _account.State).PendingAsync(CancellationToken.None));
        Assert.Contains(request.Id, output, StringComparison.Ordinal);
        Assert.Equal((OperatorAction.Pause, upgrade), (request.Action, request.Upgrade));
    }

    [Fact]
    public async Task Abort_WhileALiveEngineHoldsTheLock_SaysThatEngineAppliesIt()
    {
        await _account.StartUpgradeAsync(CliRunner.Today);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        await new S3Lock(s3, _account.State, TimeProvider.System).AcquireAsync(new LockHolder("ops", "runner-7", 99), TimeSpan.FromMinutes(10), CancellationToken.None);

        var (code, output) = await RunAsync("abort", "--target", "aws");

        Assert.True(code == 0, output);
        Assert.Contains("the engine of ops@runner-7", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Shift_WhileAnUpgradeIsInProgress_Refuses_ChangesNoRecord_AndReleasesTheLock()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));
        await _account.StartUpgradeAsync(CliRunner.Today);

        var (code, output) = await RunAsync("shift", "25", "--target", "aws");

        Assert.Equal(1, code);
        Assert.Contains("The upgrade blue -> green is in progress", output, StringComparison.Ordinal);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        Assert.Null(await new S3Lock(s3, _account.State, TimeProvider.System).ReadAsync(CancellationToken.None));
        Assert.Equal(100, (await _account.RecordsAsync())["blue"].Weight);
    }

    [Fact]
    public async Task Upgrade_WhenTheCandidateIsNotReady_RecordsNothing_SoShiftStillWorks()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        // No kubeconfig here: the candidate's readiness cannot be confirmed.
        var (code, output) = await RunAsync("upgrade", "--target", "aws", "--skip-preflight");
        var (shiftCode, shift) = await RunAsync("shift", "0", "--target", "aws");

        Assert.Equal(1, code);
        Assert.Contains("The candidate 'green' is not ready", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("No traffic was moved", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Empty(await _account.ObjectsAsync("journal/"));
        Assert.True(shiftCode == 0, shift);
        Assert.Contains("Weights now blue=100 green=0.", shift, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Upgrade_RunsThePreflightFirst_AndAFailStopsItBeforeAnythingIsWritten()
    {
        await _account.WriteWeightsAsync(("blue", 100), ("green", 0));

        // moto has no EKS cluster of either colour, and the reference configuration keeps its placeholders.
        var (code, output) = await RunAsync("upgrade", "--target", "aws");

        Assert.Equal(1, code);
        var flat = CliRunner.Flat(output);
        Assert.Contains("The preflight failed, so the upgrade did not start and nothing was changed:", flat, StringComparison.Ordinal);
        Assert.Contains("[eks cluster green] EKS has no cluster test-green", flat, StringComparison.Ordinal);
        Assert.Contains("or pass --skip-preflight.", flat, StringComparison.Ordinal);
        Assert.Empty(await _account.ObjectsAsync());
    }

    [Fact]
    public async Task Upgrade_WhileAnotherEngineHoldsTheLock_FailsNamingItsId()
    {
        using var s3 = _moto.S3(region: AwsAccount.Region);
        var held = await new S3Lock(s3, _account.State, TimeProvider.System).AcquireAsync(new LockHolder("ops", "runner-7", 99), TimeSpan.FromMinutes(10), CancellationToken.None);

        var (code, output) = await RunAsync("upgrade", "--target", "aws", "--skip-preflight");

        Assert.Equal(1, code);
        Assert.Contains("ops@runner-7", output, StringComparison.Ordinal);
        Assert.Contains(held.Id, CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Equal(held, await new S3Lock(s3, _account.State, TimeProvider.System).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Upgrade_ForceUnlockingALockThatIsNotHeld_FailsWithASentence()
    {
        var (code, output) = await RunAsync("upgrade", "--target", "aws", "--skip-preflight", "--force-unlock", "0123abcd");

        Assert.Equal(1, code);
        Assert.Contains("Nothing to force-unlock", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockNoLongerRenewed_IsShownWithTheWayToTakeOver_AndCountsAsNoEngine()
    {
        await _account.StartUpgradeAsync(CliRunner.Today);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        var held = await new S3Lock(s3, _account.State, TimeProvider.System).AcquireAsync(new LockHolder("ops", "runner-7", 99), TimeSpan.Zero, CancellationToken.None);

        var (statusCode, status) = await RunAsync("status", "--target", "aws");
        var (pauseCode, pause) = await RunAsync("pause", "--target", "aws");

        Assert.True(statusCode == 0, status);
        Assert.Contains($"`bluegreen resume --force-unlock {held.Id}` takes over", CliRunner.Flat(status), StringComparison.Ordinal);
        Assert.True(pauseCode == 0, pause);
        Assert.Contains("No engine is running", pause, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_ExitsOne_WithASentence()
    {
        var environment = AwsAccount.Environment(_moto.Endpoint);
        environment.Remove("AWS_ACCESS_KEY_ID");
        environment.Remove("AWS_SECRET_ACCESS_KEY");

        var (code, output) = await CliProcess.RunAsync(environment, "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("AWS mode needs AWS credentials", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSsmParameter_IsNamed_WithTheOptionThatReplacesIt()
    {
        using (var ssm = _moto.Ssm(AwsAccount.Region))
        {
            await ssm.DeleteParameterAsync(new Amazon.SimpleSystemsManagement.Model.DeleteParameterRequest { Name = "/test/common/zone-id" });
        }

        var (code, output) = await RunAsync("status", "--target", "aws");

        Assert.Equal(1, code);
        Assert.Contains("The SSM parameter /test/common/zone-id does not exist", CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("--zone-id", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTarget_IsBadInput()
    {
        var (code, output) = await RunAsync("status", "--target", "mars");

        Assert.Equal(2, code);
        Assert.Contains("mars", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ftp://127.0.0.1:21", "is not an http or https URL")]
    [InlineData("127.0.0.1:5000", "is not an http or https URL")]
    [InlineData("http://127.0.0.1:9", "Nothing answers at http://127.0.0.1:9/")]
    public async Task AnAwsEndpointThatIsNoEndpoint_IsBadInput_SayingWhatToDo(string endpoint, string said)
    {
        var (code, output) = await RunAsync("status", "--target", "aws", "--aws-endpoint", endpoint);

        Assert.Equal(2, code);
        Assert.Contains(said, CliRunner.Flat(output), StringComparison.Ordinal);
        Assert.Contains("moto_server", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheAwsEndpointOption_SendsEveryCallThere_AsAwsEndpointUrlDoes()
    {
        await _account.WriteWeightsAsync(("blue", 70), ("green", 30));
        var environment = AwsAccount.Environment(_moto.Endpoint);
        environment.Remove("AWS_ENDPOINT_URL");

        var (code, output) = await CliProcess.RunAsync(environment, "status", "--target", "aws", "--aws-endpoint", _moto.Endpoint.ToString(), "--config", CliRunner.DefaultConfigPath);

        Assert.True(code == 0, output);
        Assert.Contains("weights blue=70 green=30", output, StringComparison.Ordinal);
    }

    private Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        CliProcess.RunAsync(AwsAccount.Environment(_moto.Endpoint), [.. args, "--config", CliRunner.DefaultConfigPath]);
}
