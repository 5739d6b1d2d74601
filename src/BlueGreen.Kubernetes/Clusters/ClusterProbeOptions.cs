namespace BlueGreen.Kubernetes.Clusters;

/// <summary>What a ready colour looks like: where Argo CD and the sample app live, and the revision they must run.</summary>
public sealed record ClusterProbeOptions
{
    /// <summary>kubeconfig context per colour.</summary>
    public required IReadOnlyDictionary<string, string> Contexts { get; init; }

    public string ArgoCdNamespace { get; init; } = "argocd";

    /// <summary>The root app-of-apps Application.</summary>
    public string RootApplication { get; init; } = "app-of-apps";

    /// <summary>Namespace of the sample app's Deployment and Ingress.</summary>
    public string AppNamespace { get; init; } = "app";

    /// <summary>The Git repository of the rendered tree (gitops.repoUrl); only Applications sourced from it are held to <see cref="TargetRevision"/>.</summary>
    public required string RepoUrl { get; init; }

    /// <summary>The Git revision every Application sourced from <see cref="RepoUrl"/> must target (gitops.revision).</summary>
    public required string TargetRevision { get; init; }

    /// <summary>Pinned version per Helm chart name (gitops.loadBalancerControllerChart for aws-load-balancer-controller); a chart Application must target its version.</summary>
    public IReadOnlyDictionary<string, string> ChartVersions { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The commit every Application sourced from <see cref="RepoUrl"/> must have synced; null accepts any commit of <see cref="TargetRevision"/>.</summary>
    public string? ExpectedCommit { get; init; }
}
