using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.Route53;
using BlueGreen.Core.Configuration;
using BlueGreen.Kubernetes.Clusters;

namespace BlueGreen.Cli.Composition;

/// <summary>The clusters of a real account: Argo CD, Deployments and Ingresses through kubeconfig, probes of each colour's own name, optional Prometheus.</summary>
public static class KubernetesClusterSide
{
    public static ClusterSide Create(EnvironmentConfig config, AwsModeServices services, AwsModeOptions options, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(options);
        var colours = config.Clusters.Select(c => c.Colour).ToList();
        var probe = new KubernetesClusterProbe(services.Kubernetes, new ClusterProbeOptions
        {
            Contexts = config.Clusters.ToDictionary(c => c.Colour, c => c.Context),
            RepoUrl = config.GitOps.RepoUrl,
            TargetRevision = config.GitOps.Revision,
            ChartVersions = new Dictionary<string, string> { ["aws-load-balancer-controller"] = config.GitOps.LoadBalancerControllerChart },
            ExpectedCommit = options.ExpectedCommit,
        });
        var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };
        var probes = new HttpProbeMetricSource(http, new HttpProbeOptions { Colours = colours.ToDictionary(c => c, c => new Uri($"https://{config.Dns.ColourHost(c)}")) }, time);
        var userTraffic = options.PrometheusUrl is null ? null : new PrometheusMetricSource(http, new PrometheusOptions { Url = options.PrometheusUrl });
        return new ClusterSide
        {
            Probe = probe,
            AliasTargets = new AlbAliasTargets(probe.GetIngressHostnameAsync),
            Metrics = new AwsMetricSource(probes, userTraffic),
            Probes = probes,
            Prometheus = userTraffic,
            RunWhileEngineRuns = probes.RunAsync,
            Resources = http,
        };
    }
}
