using System.Globalization;
using BlueGreen.Aws.Eks;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// What EKS says of both colours' clusters: each control plane's version against the configuration, each node
/// group within EKS's skew rule, and that the candidate has the live colour's add-ons and Pod Identity associations.
/// </summary>
public sealed class EksClusterChecks(IEksApi eks)
{
    /// <summary>
    /// How many minor versions nodes may be behind the control plane: EKS's rule from Kubernetes 1.28 on
    /// (EKS User Guide, "Kubernetes version skew"); never ahead of it.
    /// </summary>
    public const int MaxNodeMinorsBehind = 3;

    /// <summary>One row per colour: the control plane's version, then its node groups' skew.</summary>
    public async Task<IReadOnlyList<PreflightResult>> VersionsAsync(EnvironmentConfig config, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        var results = new List<PreflightResult>();
        foreach (var cluster in config.Clusters)
        {
            var check = $"eks cluster {cluster.Colour}";
            var found = await eks.DescribeClusterAsync(cluster.Name, cancellationToken).ConfigureAwait(false);
            if (found is null)
            {
                results.Add(PreflightResult.Fail(check, $"EKS has no cluster {cluster.Name} in {config.Region}; deploy the {config.Environment}-{cluster.Colour} stack (docs/aws-runbook.md)."));
                continue;
            }

            results.Add(found.Version == cluster.Version
                ? PreflightResult.Pass(check, $"{cluster.Name} runs Kubernetes {found.Version} ({found.Status}), as clusters[{cluster.Colour}].version says.")
                : PreflightResult.Fail(check, $"{cluster.Name} runs Kubernetes {found.Version}, but clusters[{cluster.Colour}].version is {cluster.Version}. Fix the configuration or finish the stack's update."));
            results.Add(Skew(cluster, found, await eks.NodegroupsAsync(cluster.Name, cancellationToken).ConfigureAwait(false)));
        }

        return results;
    }

    /// <summary>The candidate must have every add-on of the live colour; a version that differs is shown.</summary>
    public async Task<PreflightResult> AddonsAsync(ClusterConfig live, ClusterConfig candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(candidate);
        const string check = "eks add-ons";
        var liveAddons = await eks.AddonsAsync(live.Name, cancellationToken).ConfigureAwait(false);
        var candidateAddons = (await eks.AddonsAsync(candidate.Name, cancellationToken).ConfigureAwait(false)).ToDictionary(a => a.Name, a => a.Version, StringComparer.Ordinal);
        var missing = liveAddons.Where(a => !candidateAddons.ContainsKey(a.Name)).Select(a => $"{a.Name} ({a.Version} on {live.Colour})").ToList();
        var both = string.Join(", ", liveAddons.Where(a => candidateAddons.ContainsKey(a.Name)).Select(a => a.Version == candidateAddons[a.Name] ? $"{a.Name} {a.Version}" : $"{a.Name} {a.Version} -> {candidateAddons[a.Name]}"));
        if (missing.Count > 0)
        {
            return PreflightResult.Fail(check, $"{candidate.Colour} lacks add-ons {live.Colour} has: {string.Join(", ", missing)}. Add them to the {candidate.Colour} stack before moving traffic.");
        }

        return PreflightResult.Pass(check, liveAddons.Count == 0 ? $"Neither colour has EKS add-ons beyond the defaults ({live.Colour} lists none)." : $"{candidate.Colour} has every add-on of {live.Colour}: {both}.");
    }

    /// <summary>The same (namespace, service account, role) associations in both colours, so pods get the same permissions after the move.</summary>
    public async Task<PreflightResult> PodIdentityAsync(ClusterConfig live, ClusterConfig candidate, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(live);
        ArgumentNullException.ThrowIfNull(candidate);
        const string check = "pod identity";
        var onLive = (await eks.PodIdentityAssociationsAsync(live.Name, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var onCandidate = (await eks.PodIdentityAssociationsAsync(candidate.Name, cancellationToken).ConfigureAwait(false)).ToHashSet();
        var missing = onLive.Except(onCandidate).Select(Describe).Order(StringComparer.Ordinal).ToList();
        var extra = onCandidate.Except(onLive).Select(Describe).Order(StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            return PreflightResult.Fail(check, $"{candidate.Colour} lacks Pod Identity associations {live.Colour} has: {string.Join("; ", missing)}. Its pods would lose those permissions; add them to the {candidate.Colour} stack.");
        }

        return extra.Count > 0
            ? PreflightResult.Warn(check, $"{candidate.Colour} has associations {live.Colour} lacks: {string.Join("; ", extra)}. After the move pods get more permissions than before; check that is intended.")
            : PreflightResult.Pass(check, string.Create(CultureInfo.InvariantCulture, $"Both colours have the same {onLive.Count} Pod Identity associations (namespace, service account, role)."));
    }

    private static PreflightResult Skew(ClusterConfig cluster, EksCluster controlPlane, IReadOnlyList<EksNodegroup> groups)
    {
        var check = $"node skew {cluster.Colour}";
        if (groups.Count == 0)
        {
            return PreflightResult.Warn(check, $"{cluster.Name} has no managed node group; nothing runs the workloads.");
        }

        var plane = Minor(controlPlane.Version);
        var problems = new List<string>();
        foreach (var group in groups)
        {
            var nodes = Minor(group.Version);
            if (nodes > plane)
            {
                problems.Add($"node group {group.Name} runs {group.Version}, newer than the control plane {controlPlane.Version}, which EKS never allows");
            }
            else if (plane - nodes > MaxNodeMinorsBehind)
            {
                problems.Add($"node group {group.Name} runs {group.Version}, {plane - nodes} minor versions behind the control plane {controlPlane.Version} (EKS allows {MaxNodeMinorsBehind})");
            }
        }

        return problems.Count > 0
            ? PreflightResult.Fail(check, $"{cluster.Name}: {string.Join("; ", problems)}. Update the node group (aws eks update-nodegroup-version).")
            : PreflightResult.Pass(check, $"{cluster.Name}: node groups {string.Join(", ", groups.Select(g => $"{g.Name} {g.Version}"))} within {MaxNodeMinorsBehind} minor versions of the control plane {controlPlane.Version}, none newer.");
    }

    private static int Minor(string version)
    {
        var parts = version.Split('.');
        return parts.Length >= 2 && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var minor)
            ? minor
            : throw new EksException($"EKS answered the Kubernetes version '{version}', which is not major.minor.");
    }

    private static string Describe(PodIdentityAssociation a) => $"{a.Namespace}/{a.ServiceAccount} -> {a.RoleArn}";
}
