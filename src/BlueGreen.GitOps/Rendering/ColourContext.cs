using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Rendering;

/// <summary>Everything one colour's manifests are rendered from, resolved once from the configuration.</summary>
internal sealed record ColourContext(EnvironmentConfig Config, ClusterConfig Cluster, KubernetesVersion Version, ExternalDnsRelease ExternalDns)
{
    public string Colour => Cluster.Colour;

    /// <summary>The colour's directory under the GitOps directory, e.g. <c>blue</c>.</summary>
    public string Directory => Colour;

    /// <summary>Repository path of a directory in this colour's tree, as Argo CD reads it.</summary>
    public string RepoPath(string subdirectory) => $"{Config.GitOps.Path.TrimEnd('/')}/{Colour}/{subdirectory}";

    /// <summary>ExternalDNS owner id: distinct per cluster, so no cluster ever adopts or deletes another's records.</summary>
    public string OwnerId => ExternalDnsOwner.IdOf(Config, Colour);

    /// <summary>The colour's own hostname, which this colour's ExternalDNS publishes.</summary>
    public string ColourHost => Config.Dns.ColourHost(Colour);

    /// <summary>The shared service hostname; its weighted records belong to the cutover engine, never to ExternalDNS.</summary>
    public string ServiceHost => Config.Dns.ZoneName;

    /// <summary>The sample app's image in this account's ECR repository, pinned to the configured tag, and to its digest when given.</summary>
    public string SampleAppImage =>
        Pinned($"{Config.Account}.dkr.ecr.{Config.Region}.amazonaws.com/{Config.Ci.EcrRepository}:{Config.App.ImageTag}", Config.App.ImageDigest);

    /// <summary>The ExternalDNS image at the pinned release, and at its digest when given.</summary>
    public string ExternalDnsImage => Pinned($"{ExternalDnsRelease.ImageRepository}:{ExternalDns.Tag}", Config.GitOps.ExternalDnsDigest);

    // With tag@digest the runtime pulls exactly the digest; the tag stays for people reading the manifest.
    private static string Pinned(string image, string? digest) => digest is null ? image : $"{image}@{digest}";

    /// <summary>The Name tag of the common stack's VPC, which the load balancer controller looks the VPC up by.</summary>
    public string VpcName => NetworkNaming.VpcName(Config.Environment);
}
