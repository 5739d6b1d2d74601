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
using BlueGreen.Core.Traffic;
using BlueGreen.Kubernetes.Clusters;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>
/// The engine's outside world in AWS mode, composed from the configuration: the Route53 weighted router
/// (alias targets from each colour's Ingress), the cluster probe, the metrics, and the S3 journal and lock.
/// Run <see cref="Probes"/>'s <c>RunAsync</c> in the background while the engine runs.
/// </summary>
public sealed class AwsModeAdapters : IDisposable
{
    private readonly IAmazonS3 _s3;
    private readonly HttpClient _http;

    private AwsModeAdapters(ITrafficRouter router, IMetricSource metrics, HttpProbeMetricSource probes, IClusterProbe probe, IJournalStore journal, ILock lockStore, IAmazonS3 s3, HttpClient http)
    {
        Router = router;
        Metrics = metrics;
        Probes = probes;
        Probe = probe;
        Journal = journal;
        Lock = lockStore;
        _s3 = s3;
        _http = http;
    }

    public ITrafficRouter Router { get; }

    public IMetricSource Metrics { get; }

    /// <summary>The synthetic probes behind <see cref="Metrics"/>; they measure only while running.</summary>
    public HttpProbeMetricSource Probes { get; }

    public IClusterProbe Probe { get; }

    public IJournalStore Journal { get; }

    public ILock Lock { get; }

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
            TargetRevision = config.GitOps.Revision,
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
        return new AwsModeAdapters(router, new AwsMetricSource(probes, userTraffic), probes, probe, new S3JournalStore(s3, location), new S3Lock(s3, location, time), s3, http);
    }

    public void Dispose()
    {
        _s3.Dispose();
        _http.Dispose();
    }
}
