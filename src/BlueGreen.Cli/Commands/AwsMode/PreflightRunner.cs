using BlueGreen.Aws.Preflight;
using BlueGreen.Cli.Composition;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Configuration.Data;
using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.Kubernetes.Access;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>Runs every preflight check for moving to <c>to</c>: the offline ones always, the AWS ones when credentials exist.</summary>
public sealed class PreflightRunner(AwsModeServices services, TimeProvider time)
{
    /// <summary>The checks in the order they are shown.</summary>
    public async Task<IReadOnlyList<PreflightResult>> RunAsync(EnvironmentConfig config, string configPath, ClusterConfig to, CancellationToken cancellationToken)
    {
        var live = config.LiveCluster;
        var results = new List<PreflightResult>
        {
            Versions(config, live, to),
            RemovedApis(config, configPath, to),
            LoadBalancerControllerCharts.Evaluate(config.GitOps.LoadBalancerControllerChart, to.Version),
            InstanceGenerations.Evaluate(to.Colour, to.NodeGroup.InstanceTypes),
        };

        var credentials = await services.Credentials.TryResolveAsync(cancellationToken);
        if (credentials is null)
        {
            const string why = "no AWS credentials (environment, profile, SSO or role); run with credentials to check";
            results.Add(PreflightResult.Skipped("aws credentials", "None found by the default credential chain."));
            results.Add(PreflightResult.Skipped("subnet free IPs", $"{why} EC2 subnets."));
            results.Add(PreflightResult.Skipped("kubeconfig contexts", $"{why} the clusters (EKS tokens come from AWS credentials)."));
            return results;
        }

        results.Add(PreflightResult.Pass("aws credentials", "Found by the default credential chain."));
        using (var ec2 = services.Ec2(credentials, config.Region))
        {
            results.Add(await new SubnetCapacityCheck(ec2).EvaluateAsync(config, to, cancellationToken));
        }

        foreach (var cluster in config.Clusters)
        {
            results.Add(await ContextAsync(cluster, cancellationToken));
        }

        return results;
    }

    private PreflightResult Versions(EnvironmentConfig config, ClusterConfig live, ClusterConfig to)
    {
        const string check = "kubernetes version";
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var target = EksVersions.Find(to.Version);
        if (target is null)
        {
            return PreflightResult.Fail(check, $"{to.Colour}: EKS does not offer Kubernetes {to.Version}. Offered now: {string.Join(", ", EksVersions.OfferedOn(today).Select(v => v.Version))}.");
        }

        var support = target.SupportOn(today);
        if (support == EksSupport.Ended)
        {
            return PreflightResult.Fail(check, $"{to.Colour}: Kubernetes {to.Version} left EKS extended support on {target.EndOfExtendedSupport:yyyy-MM-dd}; pick a newer version.");
        }

        var from = EksVersions.Find(live.Version);
        var skip = from is null ? string.Empty : to.Version == live.Version ? $" Same version as {live.Colour}." : $" {live.Colour} {live.Version} -> {to.Colour} {to.Version}: {Math.Abs(target.Minor - from.Minor)} minor version(s) in one move, which blue/green allows.";
        if (from is not null && target.Minor < from.Minor && !config.Traffic.AllowDowngrade)
        {
            return PreflightResult.Fail(check, $"{to.Colour} {to.Version} is older than {live.Colour} {live.Version}; set traffic.allowDowngrade: true if that is intended.");
        }

        return support == EksSupport.Extended
            ? PreflightResult.Warn(check, $"{to.Colour}: Kubernetes {to.Version} is in extended support (extra cost per cluster hour) until {target.EndOfExtendedSupport:yyyy-MM-dd}.{skip}")
            : PreflightResult.Pass(check, $"{to.Colour}: Kubernetes {to.Version}, standard support until {target.EndOfStandardSupport:yyyy-MM-dd}.{skip}");
    }

    private static PreflightResult RemovedApis(EnvironmentConfig config, string configPath, ClusterConfig to)
    {
        const string check = "removed APIs";
        var root = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, config.GitOps.Path);
        var directory = Path.Combine(root, to.Colour);
        IEnumerable<ManifestIdentity> manifests;
        string source;
        if (Directory.Exists(directory))
        {
            // What Argo CD will apply: the committed tree.
            manifests = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
                .Where(ManifestReader.IsManifest)
                .Order(StringComparer.Ordinal)
                .SelectMany(path => ManifestIdentity.Read(Path.GetRelativePath(root, path), File.ReadAllText(path)));
            source = $"{config.GitOps.Path}/{to.Colour}";
        }
        else
        {
            manifests = GitOpsRenderer.Render(config).FilesOf(to.Colour)
                .Where(f => ManifestReader.IsManifest(f.Path))
                .SelectMany(f => ManifestIdentity.Read(f.Path, f.Content));
            source = $"the tree rendered from the configuration ({config.GitOps.Path}/{to.Colour} is not on disk)";
        }

        var list = manifests.ToList();
        var findings = RemovedApiCheck.Find(list, to.Version);
        return findings.Count == 0
            ? PreflightResult.Pass(check, $"{list.Count} manifests of {source} use no API that Kubernetes {to.Version} removed.")
            : PreflightResult.Fail(check, string.Join(" ", findings.Select(f => f.Message)));
    }

    private async Task<PreflightResult> ContextAsync(ClusterConfig cluster, CancellationToken cancellationToken)
    {
        var check = $"kubeconfig context {cluster.Colour}";
        var outcome = await ContextCheck.CheckAsync(services.Kubernetes, cluster.Context, cancellationToken);
        if (!outcome.Reachable)
        {
            return PreflightResult.Fail(check, outcome.Detail);
        }

        return outcome.ServerVersion == cluster.Version
            ? PreflightResult.Pass(check, outcome.Detail + ".")
            : PreflightResult.Fail(check, $"{outcome.Detail}, but clusters[{cluster.Colour}].version is {cluster.Version}. Fix the configuration or the context.");
    }
}
