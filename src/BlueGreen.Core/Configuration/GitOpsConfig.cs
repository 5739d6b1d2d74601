namespace BlueGreen.Core.Configuration;

/// <summary>Where Argo CD reads the rendered tree, and the pinned versions of what it installs.</summary>
public sealed record GitOpsConfig
{
    /// <summary>Git URL Argo CD clones, e.g. https://github.com/owner/name.git.</summary>
    public required string RepoUrl { get; init; }

    /// <summary>Branch, tag or commit Argo CD follows.</summary>
    public string Revision { get; init; } = "main";

    /// <summary>Directory of the rendered tree inside the repository.</summary>
    public string Path { get; init; } = "deploy";

    public string ArgoCdVersion { get; init; } = "v3.1.8";

    /// <summary>eks-charts aws-load-balancer-controller chart version.</summary>
    public string LoadBalancerControllerChart { get; init; } = "1.13.3";

    /// <summary>
    /// ExternalDNS image tag. v0.23.0 is a published release: its tag is on the project's releases page
    /// (kubernetes-sigs/external-dns, releases/tag/v0.23.0) and chart 1.23.0 ships it as appVersion 0.23.0.
    /// </summary>
    public string ExternalDnsVersion { get; init; } = "v0.23.0";

    /// <summary>Digest (<c>sha256:...</c>) of the ExternalDNS image; when set, the tag is pinned to that exact image.</summary>
    public string? ExternalDnsDigest { get; init; }
}
