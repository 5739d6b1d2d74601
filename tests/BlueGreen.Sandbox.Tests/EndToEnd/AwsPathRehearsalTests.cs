using System.Text.Json;
using System.Text.RegularExpressions;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Aws.State;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// <c>bluegreen rehearse --aws-endpoint</c> end to end against moto_server: the engine moves traffic through the
/// AWS-mode adapters (Route53 records, S3 journal and lock, SSM options) while the users follow what Route53
/// holds. What moto holds afterwards is read from outside, with the SDK and the project's Route53 client.
/// </summary>
[Collection(EndToEndCollection.Name)]
public sealed partial class AwsPathRehearsalTests : IClassFixture<MotoFixture>
{
    private static readonly TimeSpan Limit = TimeSpan.FromSeconds(180);

    private readonly ITestOutputHelper _output;
    private readonly MotoFixture _moto;

    public AwsPathRehearsalTests(ITestOutputHelper output, MotoFixture moto)
    {
        _output = output;
        _moto = moto;
    }

    [Fact]
    public async Task Clean_ThenFaulty_OnOneEndpoint_CompletesThenRollsBack_AsRoute53AndTheS3JournalRecordIt()
    {
        // Given a moderate load on a moto that no rehearsal has used; the smallest step gives green some 50 requests an
        // interval, well above gates.minRequests even when a busy machine serves less (at 10 % it would be 20, the minimum)
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = 200, Clients = 128, Steps = "25, 50, 100", Bake = "6s" });

        // When a clean rehearsal runs through the AWS-mode adapters
        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot, "--aws-endpoint", _moto.Endpoint.ToString());

        // Then it completes with no user request failed, and Route53 and the S3 journal say so
        _output.WriteLine(stdout);
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var summary = workspace.Summary();
        Assert.Equal("aws", summary.GetProperty("target").GetProperty("kind").GetString());
        Assert.Contains("no Kubernetes API here", summary.GetProperty("target").GetProperty("description").GetString(), StringComparison.Ordinal);
        var user = summary.GetProperty("userTraffic");
        Assert.True(user.GetProperty("requests").GetInt64() >= 1000, $"only {user.GetProperty("requests").GetInt64()} user requests");
        Assert.Equal(0, user.GetProperty("failed").GetInt64());
        Assert.Equal(0, user.GetProperty("misrouted").GetInt64());
        Assert.All(summary.GetProperty("steps").EnumerateArray(), step => Assert.True(step.GetProperty("within").GetBoolean(), step.ToString()));
        var (zone, bucket) = await CommonParametersAsync();
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 0, ["green"] = 100 }, await Route53WeightsAsync(zone));
        Assert.Equal(OutcomeKind.Completed, await JournalOutcomeAsync(bucket));

        // When a rehearsal with a faulty candidate runs on the same endpoint
        using var faulty = new SandboxWorkspace(new SandboxSettings { RequestRate = 200, Clients = 128, Steps = "25, 50, 100", Bake = "4s" });
        (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(faulty.Directory, Limit, "rehearse", "--config", faulty.ConfigPath, "--report", faulty.ReportRoot, "--aws-endpoint", _moto.Endpoint.ToString(), "--fault", "green:errors=20%");

        // Then the first upgrade's journal is moved aside, the candidate is rolled back, and Route53 has blue at 100 % again
        _output.WriteLine(stdout);
        Assert.True(exitCode == 3, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        Assert.Contains("Moved the earlier upgrade's journal aside to s3://", Flat(stdout), StringComparison.Ordinal);
        Assert.Equal((zone, bucket), await CommonParametersAsync());
        Assert.Equal(new Dictionary<string, int> { ["blue"] = 100, ["green"] = 0 }, await Route53WeightsAsync(zone));
        Assert.Equal(OutcomeKind.RolledBack, await JournalOutcomeAsync(bucket));
        var byColour = faulty.Summary().GetProperty("userTraffic").GetProperty("byColour");
        Assert.Equal(0, byColour.GetProperty("blue").GetProperty("failed").GetInt64());
        Assert.True(byColour.GetProperty("green").GetProperty("failed").GetInt64() > 0, "the fault never showed");
        await AssertNothingLeftAsync(summary);
        await AssertNothingLeftAsync(faulty.Summary());
    }

    [Fact]
    public async Task Auto_StartsMotoForTheRun_AndStopsItAfterwards()
    {
        using var workspace = new SandboxWorkspace(new SandboxSettings { RequestRate = 200, Clients = 64, Steps = "50, 100", Bake = "2s" });

        var (exitCode, stdout, stderr) = await BlueGreenProcess.RunAsync(workspace.Directory, Limit, "rehearse", "--config", workspace.ConfigPath, "--report", workspace.ReportRoot, "--aws-endpoint", "auto");

        _output.WriteLine(stdout);
        Assert.True(exitCode == 0, $"exit {exitCode}{Environment.NewLine}{stdout}{stderr}");
        var moto = int.Parse(MotoPid().Match(Flat(stdout)).Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Contains("now holds test.example.com: blue=0 green=100", Flat(stdout), StringComparison.Ordinal);
        Assert.Empty(await ProcessTable.WaitGoneAsync([moto], TimeSpan.FromSeconds(10)));
        await AssertNothingLeftAsync(workspace.Summary());
    }

    private async Task<(string Zone, string Bucket)> CommonParametersAsync()
    {
        using var ssm = _moto.Ssm("ap-northeast-1");
        var zone = (await ssm.GetParameterAsync(new GetParameterRequest { Name = "/test/common/zone-id" })).Parameter.Value;
        var bucket = (await ssm.GetParameterAsync(new GetParameterRequest { Name = "/test/common/journal-bucket" })).Parameter.Value;
        return (zone, bucket);
    }

    private async Task<Dictionary<string, int>> Route53WeightsAsync(string zone)
    {
        var records = await _moto.Route53().ListWeightedRecordsAsync(zone, "test.example.com", "A", CancellationToken.None);
        return records.ToDictionary(r => r.SetIdentifier, r => r.Weight);
    }

    private async Task<OutcomeKind> JournalOutcomeAsync(string bucket)
    {
        using var s3 = _moto.S3(region: "ap-northeast-1");
        var state = (await CutoverJournal.ReadAsync(new S3JournalStore(s3, new S3StateLocation(bucket, "test")), CancellationToken.None)).State;
        return state.Phase switch
        {
            CutoverPhase.Completed => OutcomeKind.Completed,
            CutoverPhase.RolledBack => OutcomeKind.RolledBack,
            _ => OutcomeKind.Failed,
        };
    }

    private static async Task AssertNothingLeftAsync(JsonElement summary)
    {
        var pids = summary.GetProperty("processIds").EnumerateArray().Select(p => p.GetInt32()).ToList();
        Assert.NotEmpty(pids);
        Assert.Empty(await ProcessTable.WaitGoneAsync(pids, TimeSpan.FromSeconds(5)));
    }

    // The console wraps long lines; sentences are compared with their white space collapsed.
    private static string Flat(string text) => Whitespace().Replace(text, " ");

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"moto_server, pid (\d+), started for this run")]
    private static partial Regex MotoPid();
}
