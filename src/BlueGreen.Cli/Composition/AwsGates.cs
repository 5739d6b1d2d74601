using Amazon.Runtime;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Metrics;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Cli.Composition;

/// <summary>The gates' sources and checks in AWS mode, as gates.source and gates.alarms name them.</summary>
public sealed record AwsGates(IReadOnlyList<GateSource> UserTrafficSources, IReadOnlyList<IGateCheck> Checks)
{
    /// <summary>Nothing beyond the clusters' default metrics: today's behaviour where gates.source and gates.alarms are unset.</summary>
    public static AwsGates None { get; } = new([], []);

    /// <exception cref="UserInputException">gates.source lists prometheus without --prometheus-url.</exception>
    public static AwsGates Create(EnvironmentConfig config, AwsModeServices services, AWSCredentials credentials, ClusterSide clusters)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(clusters);
        var gates = config.Gates;
        if (gates.Sources.Count == 0 && gates.Alarms.Count == 0)
        {
            return None;
        }

        var cloudWatch = services.CloudWatch(credentials, config.Region);
        var sources = gates.Sources.Distinct().Select(kind => new GateSource(kind.ToString().ToLowerInvariant(), kind switch
        {
            GateSourceKind.Probes => clusters.Probes ?? clusters.Metrics,
            GateSourceKind.Prometheus => clusters.Prometheus
                ?? throw new UserInputException("gates.source lists prometheus, but no Prometheus was given, so nothing was done. Give --prometheus-url, or take prometheus out of gates.source."),
            _ => CloudWatchSource(config, services, credentials, clusters, cloudWatch),
        })).ToList();
        IReadOnlyList<IGateCheck> checks = gates.Alarms.Count == 0 ? [] : [new CloudWatchAlarmCheck(cloudWatch, gates.Alarms)];
        return new AwsGates(sources, checks);
    }

    // A colour's load balancer is the one its weighted record points at: the ALB of its Ingress.
    private static CloudWatchMetricSource CloudWatchSource(EnvironmentConfig config, AwsModeServices services, AWSCredentials credentials, ClusterSide clusters, CloudWatchClient cloudWatch)
    {
        var dimensions = new LoadBalancerDimensions(
            services.ElasticLoadBalancing(credentials, config.Region),
            async (colour, cancellationToken) => (await clusters.AliasTargets.GetAsync(colour, cancellationToken).ConfigureAwait(false)).DnsName);
        var percentiles = services.CloudWatch(credentials, config.Region, new AwsRetryOptions { MaxRetries = 1 });
        return new CloudWatchMetricSource(cloudWatch, dimensions.GetAsync, new CloudWatchMetricOptions { Period = config.Gates.MetricPeriod, Delay = config.Gates.MetricDelay }, percentiles);
    }
}
