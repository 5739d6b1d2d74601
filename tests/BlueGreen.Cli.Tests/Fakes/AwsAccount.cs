using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.State;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>
/// An account on moto as the common stack leaves it for the default configuration (environment test,
/// ap-northeast-1, zone test.example.com): the zone, the journal bucket and their SSM parameters.
/// </summary>
internal sealed class AwsAccount
{
    public const string Region = "ap-northeast-1";
    public const string RecordName = "test.example.com";

    /// <summary>The load balancers the colours' records point at, shaped as the controller names them.</summary>
    public static readonly IReadOnlyDictionary<string, AliasTarget> Targets = new Dictionary<string, AliasTarget>
    {
        ["blue"] = new("Z14GRHDCWA56QT", "dualstack.k8s-app-app-blue0a1b2c-1234567890.ap-northeast-1.elb.amazonaws.com", true),
        ["green"] = new("Z14GRHDCWA56QT", "dualstack.k8s-app-app-green3d4e-987654321.ap-northeast-1.elb.amazonaws.com", true),
    };

    private readonly MotoFixture _moto;

    private AwsAccount(MotoFixture moto, string zone, string bucket)
    {
        _moto = moto;
        ZoneId = zone;
        Bucket = bucket;
    }

    public string ZoneId { get; }

    public string Bucket { get; }

    public S3StateLocation State => new(Bucket, "test");

    /// <summary>Resets moto and sets the account up.</summary>
    public static async Task<AwsAccount> CreateAsync(MotoFixture moto)
    {
        ArgumentNullException.ThrowIfNull(moto);
        await moto.ResetAsync();
        var zone = await moto.CreateZoneAsync(RecordName);
        var bucket = await moto.CreateBucketAsync(Region);
        using var ssm = moto.Ssm(Region);
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/test/common/zone-id", Value = zone, Type = ParameterType.String });
        await ssm.PutParameterAsync(new PutParameterRequest { Name = "/test/common/journal-bucket", Value = bucket, Type = ParameterType.String });
        return new AwsAccount(moto, zone, bucket);
    }

    /// <summary>What a process needs to reach this account at <paramref name="endpoint"/> (moto, or a proxy in front of it).</summary>
    public static Dictionary<string, string> Environment(Uri endpoint, string accessKey = "testing") => new(StringComparer.Ordinal)
    {
        ["AWS_ENDPOINT_URL"] = endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = accessKey,
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = Region,
    };

    /// <summary>Writes the colours' weighted records (only those named) as the router writes them.</summary>
    public async Task WriteWeightsAsync(params (string Colour, int Weight)[] weights)
    {
        var records = weights.Select(w => new WeightedRecord(RecordName, "A", w.Colour, w.Weight, Targets[w.Colour])).ToList();
        await _moto.Route53().UpsertAsync(ZoneId, records, "test", CancellationToken.None);
    }

    /// <summary>The weighted records of the service name as moto holds them, by set identifier.</summary>
    public async Task<Dictionary<string, WeightedRecord>> RecordsAsync() =>
        (await _moto.Route53().ListWeightedRecordsAsync(ZoneId, RecordName, "A", CancellationToken.None)).ToDictionary(r => r.SetIdentifier);

    /// <summary>Starts an upgrade in the S3 journal, as an engine that then stopped would leave it.</summary>
    public async Task<string> StartUpgradeAsync(DateTimeOffset at)
    {
        using var s3 = _moto.S3(region: Region);
        var journal = await CutoverJournal.OpenAsync(new S3JournalStore(s3, State), CancellationToken.None);
        await journal.AppendAsync(new CutoverStarted("blue", "green", 6, 5, "plan", Weights.AllTo("blue", ["green"])) { At = at, UpgradeId = "0123456789abcdef" }, CancellationToken.None);
        return "0123456789abcdef";
    }

    /// <summary>Writes the journal of an upgrade of the default plan that completed (and, when asked, whose old colour's decommission began).</summary>
    public async Task CompleteUpgradeAsync(DateTimeOffset at, bool decommissionStarted = false)
    {
        var plan = BlueGreen.Core.Plans.PlanFactory.Create(BlueGreen.Core.Configuration.ConfigLoader.LoadOrThrow(CliRunner.DefaultConfigPath));
        using var s3 = _moto.S3(region: Region);
        var journal = await CutoverJournal.OpenAsync(new S3JournalStore(s3, State), CancellationToken.None);
        var events = new List<CutoverEvent>
        {
            new CutoverStarted(plan.From, plan.To, plan.Steps.Count, plan.FinalShareStep, plan.Describe(), plan.WeightsFor(0)) { At = at, UpgradeId = "0123456789abcdef" },
            new VerificationStarted { At = at },
            new VerificationPassed { At = at },
        };
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var weights = plan.WeightsFor(((BlueGreen.Core.Plans.SetShareStep)plan.Steps[i]).Percent);
            events.AddRange([new StepStarted(i, weights) { At = at }, new WeightsApplied(i, weights) { At = at }, new StepCompleted(i) { At = at }]);
        }

        events.AddRange([new DrainStarted { At = at }, new CutoverCompleted { At = at }]);
        if (decommissionStarted)
        {
            events.Add(new DecommissionStarted(plan.From) { At = at });
        }

        foreach (var e in events)
        {
            await journal.AppendAsync(e, CancellationToken.None);
        }
    }

    /// <summary>Keys of every object under the environment's prefix.</summary>
    public async Task<IReadOnlyList<string>> ObjectsAsync(string under = "")
    {
        using var s3 = _moto.S3(region: Region);
        var listed = await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = Bucket, Prefix = State.Key(under) });
        return [.. (listed.S3Objects ?? []).Select(o => o.Key)];
    }
}
