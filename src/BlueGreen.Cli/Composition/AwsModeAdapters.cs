using Amazon.S3;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Operators;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The engine's outside world in AWS mode, built in this one place for the AWS target and the AWS-path rehearsal
/// alike: the Route53 weighted router of the service name, the S3 journal, lock and operator inbox, and the
/// clusters' side (readiness, load balancers, metrics) that the caller chooses.
/// </summary>
public sealed class AwsModeAdapters : IDisposable
{
    private readonly IAmazonS3 _s3;

    private AwsModeAdapters(Route53WeightedRouter router, ClusterSide clusters, AwsGates gates, S3StateLocation state, IAmazonS3 s3, string zoneId, TimeProvider time)
    {
        Router = router;
        Clusters = clusters;
        Gates = gates;
        State = state;
        ZoneId = zoneId;
        Journal = new S3JournalStore(s3, state);

        // Stamped exactly as the local inbox is, so a request made for one upgrade never acts on a later one.
        Inbox = new UpgradeStampingInbox(new S3OperatorInbox(s3, state), Journal);
        _s3 = s3;
        Lock = new S3Lock(s3, state, time);
    }

    public Route53WeightedRouter Router { get; }

    /// <summary>Readiness, load balancers and metrics of the colours.</summary>
    public ClusterSide Clusters { get; }

    /// <summary>The sources gates.source lists and the alarms of gates.alarms.</summary>
    public AwsGates Gates { get; }

    public IJournalStore Journal { get; }

    public ILock Lock { get; }

    /// <summary>Requests under &lt;environment&gt;/requests/ in the journal bucket, from any machine.</summary>
    public IOperatorInbox Inbox { get; }

    /// <summary>Where the journal, lock and requests live.</summary>
    public S3StateLocation State { get; }

    /// <summary>The hosted zone of the service name.</summary>
    public string ZoneId { get; }

    /// <summary>Builds the adapters; takes ownership of <paramref name="clusters"/>.</summary>
    public static async Task<AwsModeAdapters> CreateAsync(EnvironmentConfig config, AwsModeServices services, AwsModeOptions options, ClusterSide clusters, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(clusters);
        try
        {
            var credentials = await services.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException("AWS mode needs AWS credentials (environment, profile, SSO or role); none were found.");
            var route53 = services.Route53(credentials, config.Region);
            var zone = options.ZoneId ?? await route53.FindPublicZoneIdAsync(config.Dns.ZoneName, cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException($"No public hosted zone {config.Dns.ZoneName} was found; deploy the common stack or give the zone id (SSM /{config.Environment}/common/zone-id).");
            var router = RouterOf(config, route53, zone, clusters.AliasTargets, time);
            var location = new S3StateLocation(options.JournalBucket, config.Environment);
            var gates = AwsGates.Create(config, services, credentials, clusters);
            return new AwsModeAdapters(router, clusters, gates, location, services.S3(credentials, config.Region), zone, time);
        }
        catch
        {
            clusters.Dispose();
            throw;
        }
    }

    /// <summary>The weighted router of the service name: every colour's record in zone <paramref name="zoneId"/>, pointing at <paramref name="targets"/>.</summary>
    public static Route53WeightedRouter RouterOf(EnvironmentConfig config, IRoute53Api route53, string zoneId, IAliasTargetSource targets, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new Route53WeightedRouter(
            route53,
            targets,
            new Route53RouterOptions { HostedZoneId = zoneId, RecordName = config.Dns.ZoneName, Colours = [.. config.Clusters.Select(c => c.Colour)] },
            time);
    }

    /// <summary>The engine's services over these adapters, without observers.</summary>
    public CutoverServices EngineServices(TimeProvider time) => new()
    {
        Router = Router,
        Metrics = Clusters.Metrics,
        UserTrafficSources = Gates.UserTrafficSources,
        Checks = Gates.Checks,
        Probe = Clusters.Probe,
        Journal = Journal,
        Lock = Lock,
        Inbox = Inbox,
        Time = time,
    };

    public void Dispose()
    {
        _s3.Dispose();
        Clusters.Dispose();
    }
}
