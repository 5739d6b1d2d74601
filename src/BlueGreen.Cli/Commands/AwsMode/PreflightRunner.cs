using BlueGreen.Aws.Preflight;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Configuration.Data;
using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.Kubernetes.Access;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>Runs every preflight check for moving to <c>to</c>: the offline ones always, the AWS ones when credentials exist.</summary>
public sealed class PreflightRunner(AwsModeServices services, TimeProvider time, string? journalBucket = null, string? zoneId = null)
{
    /// <summary>The checks in the order they are shown.</summary>
    public async Task<IReadOnlyList<PreflightResult>> RunAsync(EnvironmentConfig config, string configPath, ClusterConfig to, CancellationToken cancellationToken)
    {
        var live = config.LiveCluster;
        var results = new List<PreflightResult>
        {
            Versions(config, live, to),
            RemovedApis(config, configPath, to),
            ExternalDnsOwnership(config, configPath),
            LoadBalancerControllerCharts.Evaluate(config.GitOps.LoadBalancerControllerChart, to.Version),
            InstanceGenerations.Evaluate(to.Colour, to.NodeGroup.InstanceTypes),
        };

        var credentials = await services.Credentials.TryResolveAsync(cancellationToken);
        if (credentials is null)
        {
            const string why = "no AWS credentials (environment, profile, SSO or role); run with credentials to check";
            results.Add(PreflightResult.Skipped("aws credentials", "None found by the default credential chain."));
            results.Add(PreflightResult.Skipped("subnet free IPs", $"{why} EC2 subnets."));
            results.Add(PreflightResult.Skipped("instance types offered", $"{why} EC2 instance type offerings."));
            results.Add(PreflightResult.Skipped("eks clusters", $"{why} both colours' clusters, node groups, add-ons and Pod Identity associations."));
            results.Add(PreflightResult.Skipped("load balancers", $"{why} Elastic Load Balancing."));
            results.Add(PreflightResult.Skipped("journal bucket, zone and weighted set", $"{why} S3 and Route53."));
            results.Add(PreflightResult.Skipped("kubeconfig contexts", $"{why} the clusters (EKS tokens come from AWS credentials)."));
            return results;
        }

        results.Add(PreflightResult.Pass("aws credentials", "Found by the default credential chain."));
        using (var ec2 = services.Ec2(credentials, config.Region))
        {
            results.Add(await new SubnetCapacityCheck(ec2).EvaluateAsync(config, to, cancellationToken));
            results.Add(await Guarded("instance types offered", () => new InstanceOfferingCheck(ec2).EvaluateAsync(config, to, cancellationToken)));
        }

        var eks = new EksClusterChecks(services.Eks(credentials, config.Region));
        results.AddRange(await GuardedMany("eks clusters", () => eks.VersionsAsync(config, cancellationToken)));
        results.Add(await Guarded("eks add-ons", () => eks.AddonsAsync(live, to, cancellationToken)));
        results.Add(await Guarded("pod identity", () => eks.PodIdentityAsync(live, to, cancellationToken)));
        var elb = new Aws.Decommission.ControllerLoadBalancers(services.ElasticLoadBalancing(credentials, config.Region));
        results.Add(await Guarded("load balancers", () => new LoadBalancerCheck(elb).EvaluateAsync(config, cancellationToken)));
        results.AddRange(await StateAsync(config, credentials, cancellationToken));

        foreach (var cluster in config.Clusters)
        {
            results.Add(await ContextAsync(cluster, cancellationToken));
        }

        return results;
    }

    /// <summary>The journal bucket, the zone and the weighted set, from the options as the engine would resolve them.</summary>
    private async Task<IReadOnlyList<PreflightResult>> StateAsync(EnvironmentConfig config, Amazon.Runtime.AWSCredentials credentials, CancellationToken cancellationToken)
    {
        AwsModeOptions options;
        try
        {
            options = await AwsModeOptionsResolver.ResolveAsync(config, journalBucket, zoneId, null, null, services, cancellationToken);
        }
        catch (CommandFailedException e)
        {
            return [PreflightResult.Fail("journal bucket, zone and weighted set", e.Message)];
        }

        using var s3 = services.S3(credentials, config.Region);
        var route53 = services.Route53(credentials, config.Region);
        var results = new List<PreflightResult>
        {
            await Guarded("journal bucket", () => StateLocationCheck.JournalBucketAsync(s3, config, options.JournalBucket, cancellationToken)),
            await Guarded("hosted zone", () => StateLocationCheck.HostedZoneAsync(route53, config, options.ZoneId, cancellationToken)),
        };
        if (results[^1].Status == PreflightStatus.Pass && options.ZoneId is { } zone)
        {
            results.Add(await Guarded("weighted set", () => new WeightedSetCheck(route53).EvaluateAsync(config, zone, cancellationToken)));
        }

        return results;
    }

    /// <summary>An AWS error in one check is that check's FAIL with the error's sentence, not the end of the preflight.</summary>
    private static async Task<PreflightResult> Guarded(string check, Func<Task<PreflightResult>> run) =>
        (await GuardedMany(check, async () => [await run()]))[0];

    private static async Task<IReadOnlyList<PreflightResult>> GuardedMany(string check, Func<Task<IReadOnlyList<PreflightResult>>> run)
    {
        try
        {
            return await run();
        }
        catch (Exception e) when (AwsModeErrors.IsExpected(e))
        {
            return [PreflightResult.Fail(check, AwsModeErrors.Describe(e))];
        }
    }

    /// <summary>
    /// ExternalDNS ownership over the tree Argo CD applies (the committed files, the rendered ones where none is on disk):
    /// one owner id per colour, <c>--policy=sync</c> publishing only each colour's own names, never the service name.
    /// </summary>
    private static PreflightResult ExternalDnsOwnership(EnvironmentConfig config, string configPath)
    {
        const string check = "external-dns ownership";
        var root = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, config.GitOps.Path);
        var rendered = GitOpsRenderer.Render(config);
        var tree = rendered;
        var fromDisk = 0;
        foreach (var file in rendered.Files)
        {
            var path = Path.Combine(root, file.Path);
            if (File.Exists(path))
            {
                tree = tree.With(file with { Content = File.ReadAllText(path) });
                fromDisk++;
            }
        }

        var (manifests, parseErrors) = ManifestReader.ReadTree(tree);
        var problems = parseErrors.Concat(DnsOwnershipRules.Check(tree, manifests)).ToList();
        var owners = string.Join(", ", config.Clusters.Select(c => $"{c.Colour} {ExternalDnsOwner.IdOf(config, c.Colour)}"));
        var source = fromDisk == 0 ? "the tree rendered from the configuration" : $"{config.GitOps.Path}/ ({fromDisk} files on disk)";
        return problems.Count == 0
            ? PreflightResult.Pass(check, $"In {source}: one ExternalDNS per colour with its own owner id ({owners}); --policy=sync publishes only each colour's own name, never {config.Dns.ZoneName}.")
            : PreflightResult.Fail(check, $"In {source}: {string.Join(" ", problems)}");
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
