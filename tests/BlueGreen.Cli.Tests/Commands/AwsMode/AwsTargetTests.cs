using Amazon.S3.Model;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Tests.Fakes;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>
/// The target commands with <c>--target aws</c>, run as a separate process the way an operator runs them: fake
/// credentials from the environment, S3 on s3rver and Route53 and SSM on a stub, all on 127.0.0.1 through the
/// SDKs' AWS_ENDPOINT_URL_* variables.
/// </summary>
public sealed class AwsTargetTests : IClassFixture<S3rverFixture>, IDisposable
{
    private const string Zone = "Z0123456789TESTZONE";

    private readonly S3rverFixture _s3rver;
    private readonly AwsStub _stub = new(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "list-weighted-alias.xml")));

    public AwsTargetTests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
        _stub.Parameters["/test/common/journal-bucket"] = S3rverFixture.Bucket;
        _stub.Parameters["/test/common/zone-id"] = Zone;
    }

    public void Dispose() => _stub.Dispose();

    [Fact]
    public async Task Status_ReadsTheBucketAndZoneFromSsm_AndPrintsTheRoute53Weights()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.True(code == 0, output);
        Assert.Contains("weights blue=90 green=10", output, StringComparison.Ordinal);
        Assert.Contains($"in zone {Zone}", output, StringComparison.Ordinal);
        Assert.Contains("No upgrade has started.", output, StringComparison.Ordinal);
        Assert.Contains("Nobody holds the lock.", output, StringComparison.Ordinal);
        Assert.Contains(_stub.Requests, r => r.StartsWith($"GET /2013-04-01/hostedzone/{Zone}/rrset?name=test.example.com.", StringComparison.Ordinal) && r.Contains("/route53/aws4_request", StringComparison.Ordinal));
        Assert.Equal(2, _stub.Requests.Count(r => r.Contains("AmazonSSM.GetParameter AWS4-HMAC-SHA256 Credential=S3RVER/", StringComparison.Ordinal) && r.Contains("/ssm/aws4_request", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task Status_AsJson_HasTheWeightsAndWhereTheStateIs()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "status", "--target", "aws", "--output", "json", "--journal-bucket", S3rverFixture.Bucket, "--zone-id", Zone, "--config", CliRunner.DefaultConfigPath);

        Assert.True(code == 0, output);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        Assert.Equal(90, json.RootElement.GetProperty("weights").GetProperty("blue").GetInt32());
        Assert.Equal($"s3://{S3rverFixture.Bucket}/test", json.RootElement.GetProperty("aws").GetProperty("state").GetString());
        Assert.DoesNotContain(_stub.Requests, r => r.Contains("AmazonSSM", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Pause_LeavesARequestInTheBucket_ThatTheS3InboxReadsBack()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "pause", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.True(code == 0, output);
        Assert.Contains("No engine is running", output, StringComparison.Ordinal);
        using var s3 = _s3rver.Client();
        var inbox = new S3OperatorInbox(s3, new S3StateLocation(S3rverFixture.Bucket, "test"));
        var request = Assert.Single(await inbox.PendingAsync(CancellationToken.None), r => output.Contains(r.Id, StringComparison.Ordinal));
        Assert.Equal(OperatorAction.Pause, request.Action);
        await inbox.CompleteAsync(request.Id, CancellationToken.None);
    }

    [Fact]
    public async Task Abort_WhileALiveEngineHoldsTheLock_SaysThatEngineAppliesIt()
    {
        using var s3 = _s3rver.Client();
        var location = new S3StateLocation(S3rverFixture.Bucket, "test");
        var held = await new S3Lock(s3, location, TimeProvider.System).AcquireAsync(new Core.Locking.LockHolder("ops", "runner-7", 99), TimeSpan.FromMinutes(10), CancellationToken.None);
        try
        {
            var (code, output) = await CliProcess.RunAsync(Environment(), "abort", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

            Assert.True(code == 0, output);
            Assert.Contains("the engine of ops@runner-7", output, StringComparison.Ordinal);
        }
        finally
        {
            await new S3Lock(s3, location, TimeProvider.System).ReleaseAsync(held, CancellationToken.None);
            var inbox = new S3OperatorInbox(s3, location);
            foreach (var request in await inbox.PendingAsync(CancellationToken.None))
            {
                await inbox.CompleteAsync(request.Id, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task Shift_WhileAnUpgradeIsInProgress_Refuses_AndReleasesTheLock()
    {
        using var s3 = _s3rver.Client();
        var location = new S3StateLocation(S3rverFixture.Bucket, "test");
        var journal = await CutoverJournal.OpenAsync(new S3JournalStore(s3, location), CancellationToken.None);
        await journal.AppendAsync(new CutoverStarted("blue", "green", 6, 5, "plan", Weights.AllTo("blue", ["green"])) { At = CliRunner.Today, UpgradeId = "u1" }, CancellationToken.None);
        try
        {
            var (code, output) = await CliProcess.RunAsync(Environment(), "shift", "25", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

            Assert.Equal(1, code);
            Assert.Contains("The upgrade blue -> green is in progress", output, StringComparison.Ordinal);
            Assert.Null(await new S3Lock(s3, location, TimeProvider.System).ReadAsync(CancellationToken.None));
            Assert.DoesNotContain(_stub.Requests, r => r.StartsWith("POST /2013-04-01/", StringComparison.Ordinal));
            var (statusCode, status) = await CliProcess.RunAsync(Environment(), "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);
            Assert.True(statusCode == 0, status);
            Assert.Contains("Upgrade blue -> green: ", status, StringComparison.Ordinal);
            Assert.Contains("of 6", status, StringComparison.Ordinal);
        }
        finally
        {
            await s3.DeleteObjectAsync(S3rverFixture.Bucket, "test/journal/00000000000000000001.json");
            var left = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = S3rverFixture.Bucket, Prefix = "test/journal/" });
            foreach (var item in left.S3Objects ?? [])
            {
                await s3.DeleteObjectAsync(S3rverFixture.Bucket, item.Key);
            }
        }
    }

    [Fact]
    public async Task Shift_WithoutAKubeconfig_FailsWithASentence_AndReleasesTheLock()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "shift", "25", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("kubeconfig", output, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        using var s3 = _s3rver.Client();
        Assert.Null(await new S3Lock(s3, new S3StateLocation(S3rverFixture.Bucket, "test"), TimeProvider.System).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Upgrade_WhileAnotherEngineHoldsTheLock_FailsNamingItsId()
    {
        using var s3 = _s3rver.Client();
        var location = new S3StateLocation(S3rverFixture.Bucket, "test");
        var held = await new S3Lock(s3, location, TimeProvider.System).AcquireAsync(new Core.Locking.LockHolder("ops", "runner-7", 99), TimeSpan.FromMinutes(10), CancellationToken.None);
        try
        {
            var (code, output) = await CliProcess.RunAsync(Environment(), "upgrade", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

            Assert.Equal(1, code);
            Assert.Contains("ops@runner-7", output, StringComparison.Ordinal);
            Assert.Contains(held.Id, output, StringComparison.Ordinal);
            Assert.Equal(held, await new S3Lock(s3, location, TimeProvider.System).ReadAsync(CancellationToken.None));
        }
        finally
        {
            await new S3Lock(s3, location, TimeProvider.System).ReleaseAsync(held, CancellationToken.None);
        }
    }

    [Fact]
    public async Task Upgrade_ForceUnlockingALockThatIsNotHeld_FailsWithASentence()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "upgrade", "--target", "aws", "--force-unlock", "0123abcd", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("Nothing to force-unlock", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ALockNoLongerRenewed_IsShownWithTheWayToTakeOver_AndCountsAsNoEngine()
    {
        using var s3 = _s3rver.Client();
        var location = new S3StateLocation(S3rverFixture.Bucket, "test");
        var held = await new S3Lock(s3, location, TimeProvider.System).AcquireAsync(new Core.Locking.LockHolder("ops", "runner-7", 99), TimeSpan.Zero, CancellationToken.None);
        try
        {
            var (statusCode, status) = await CliProcess.RunAsync(Environment(), "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);
            var (pauseCode, pause) = await CliProcess.RunAsync(Environment(), "pause", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

            Assert.True(statusCode == 0, status);
            Assert.Contains($"`bluegreen resume --force-unlock {held.Id}` takes over", status.ReplaceLineEndings(string.Empty), StringComparison.Ordinal);
            Assert.True(pauseCode == 0, pause);
            Assert.Contains("No engine is running", pause, StringComparison.Ordinal);
        }
        finally
        {
            await new S3Lock(s3, location, TimeProvider.System).ReleaseAsync(held, CancellationToken.None);
            var inbox = new S3OperatorInbox(s3, location);
            foreach (var request in await inbox.PendingAsync(CancellationToken.None))
            {
                await inbox.CompleteAsync(request.Id, CancellationToken.None);
            }
        }
    }

    [Fact]
    public async Task WithoutCredentials_ExitsOne_WithASentence()
    {
        var environment = Environment();
        environment.Remove("AWS_ACCESS_KEY_ID");
        environment.Remove("AWS_SECRET_ACCESS_KEY");

        var (code, output) = await CliProcess.RunAsync(environment, "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("AWS mode needs AWS credentials", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.Empty(_stub.Requests);
    }

    [Fact]
    public async Task AMissingSsmParameter_IsNamed_WithTheOptionThatReplacesIt()
    {
        _stub.Parameters.TryRemove("/test/common/zone-id", out _);

        var (code, output) = await CliProcess.RunAsync(Environment(), "status", "--target", "aws", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(1, code);
        Assert.Contains("The SSM parameter /test/common/zone-id does not exist", output, StringComparison.Ordinal);
        Assert.Contains("--zone-id", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnknownTarget_IsBadInput()
    {
        var (code, output) = await CliProcess.RunAsync(Environment(), "status", "--target", "mars", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(2, code);
        Assert.Contains("mars", output, StringComparison.Ordinal);
    }

    private Dictionary<string, string> Environment() => new(StringComparer.Ordinal)
    {
        ["AWS_ACCESS_KEY_ID"] = "S3RVER",
        ["AWS_SECRET_ACCESS_KEY"] = "S3RVER",
        ["AWS_ENDPOINT_URL_S3"] = _s3rver.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_ROUTE_53"] = _stub.Endpoint.ToString(),
        ["AWS_ENDPOINT_URL_SSM"] = _stub.Endpoint.ToString(),

        // s3rver predates S3's default checksums; the SDK sends them only where S3 requires them.
        ["AWS_REQUEST_CHECKSUM_CALCULATION"] = "when_required",
        ["AWS_RESPONSE_CHECKSUM_VALIDATION"] = "when_required",
    };
}
