using Amazon.S3;
using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Traffic;
using BlueGreen.Kubernetes.Clusters;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>
/// The engine's outside world in AWS mode, composed from the configuration: the Route53 weighted router
/// (alias targets from each colour's Ingress), the cluster probe, the metrics, and the S3 journal, lock and operator inbox.
/// Run <see cref="Probes"/>'s <c>RunAsync</c> in the background while the engine runs.
/// </summary>
public sealed class AwsModeAdapters : IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly HttpClient _http;

    private AwsModeAdapters(Route53WeightedRouter router, IMetricSource metrics, HttpProbeMetricSource probes, IClusterProbe probe, S3StateLocation state, IAmazonS3 s3, HttpClient http, TimeProvider time)
    {
        Router = router;
        Metrics = metrics;
        Probes = probes;
        Probe = probe;
        State = state;
        Journal = new S3JournalStore(s3, state);
        Lock = new S3Lock(s3, state, time);

        // Stamped exactly as the local inbox is, so a request made for one upgrade never acts on a later one.
        Inbox = new UpgradeStampingInbox(new S3OperatorInbox(s3, state), Journal);
        _s3 = s3;
        _http = http;
    }

    public Route53WeightedRouter Router { get; }

    public IMetricSource Metrics { get; }

    /// <summary>The synthetic probes behind <see cref="Metrics"/>; they measure only while running.</summary>
    public HttpProbeMetricSource Probes { get; }

    public IClusterProbe Probe { get; }

    public IJournalStore Journal { get; }

    public ILock Lock { get; }

    /// <summary>Requests under &lt;environment&gt;/requests/ in the journal bucket, from any machine.</summary>
    public IOperatorInbox Inbox { get; }

    /// <summary>Where the journal, lock and requests live.</summary>
    public S3StateLocation State { get; }

    public static async Task<AwsModeAdapters> CreateAsync(EnvironmentConfig config, AwsModeServices services, AwsModeOptions options, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var credentials = await services.Credentials.TryResolveAsync(cancellationToken)
            ?? throw new CommandFailedException("AWS mode needs AWS credentials (environment, profile, SSO or role); none were found.");

        var route53 = services.Route53(credentials, config.Region);
        var zone = options.ZoneId ?? await route53.FindPublicZoneIdAsync(config.Dns.ZoneName, cancellationToken)
            ?? throw new CommandFailedException($"No public hosted zone {config.Dns.ZoneName} was found; deploy the common stack or give the zone id (SSM /{config.Environment}/common/zone-id).");
        var colours = config.Clusters.Select(c => c.Colour).ToList();
        var probe = new KubernetesClusterProbe(services.Kubernetes, new ClusterProbeOptions
        {
            Contexts = config.Clusters.ToDictionary(c => c.Colour, c => c.Context),
            RepoUrl = config.GitOps.RepoUrl,
            TargetRevision = config.GitOps.Revision,
            ChartVersions = new Dictionary<string, string> { ["aws-load-balancer-controller"] = config.GitOps.LoadBalancerControllerChart },
            ExpectedCommit = options.ExpectedCommit,
        });
        var router = new Route53WeightedRouter(
            route53,
            new AlbAliasTargets(probe.GetIngressHostnameAsync),
            new Route53RouterOptions { HostedZoneId = zone, RecordName = config.Dns.ZoneName, Colours = colours },
            time);

        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var probes = new HttpProbeMetricSource(http, new HttpProbeOptions { Colours = colours.ToDictionary(c => c, c => new Uri($"https://{config.Dns.ColourHost(c)}")) }, time);
        var userTraffic = options.PrometheusUrl is null ? null : new PrometheusMetricSource(http, new PrometheusOptions { Url = options.PrometheusUrl });
        var s3 = services.S3(credentials, config.Region);
        var location = new S3StateLocation(options.JournalBucket, config.Environment);
        return new AwsModeAdapters(router, new AwsMetricSource(probes, userTraffic), probes, probe, location, s3, http, time);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }
}
