using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Where an Application's manifests come from: a path in a Git repository or a Helm chart.</summary>
public sealed class ApplicationSource
{
    [YamlMember(Alias = "repoURL", ApplyNamingConventions = false, Order = 0)]
    public string? RepoUrl { get; set; }

    [YamlMember(Alias = "path", ApplyNamingConventions = false, Order = 1)]
    public string? Path { get; set; }

    [YamlMember(Alias = "chart", ApplyNamingConventions = false, Order = 2)]
    public string? Chart { get; set; }

    [YamlMember(Alias = "targetRevision", ApplyNamingConventions = false, Order = 3)]
    public string? TargetRevision { get; set; }

    [YamlMember(Alias = "ref", ApplyNamingConventions = false, Order = 4)]
    public string? Ref { get; set; }

    [YamlMember(Alias = "helm", ApplyNamingConventions = false, Order = 5)]
    public ApplicationSourceHelm? Helm { get; set; }

    [YamlMember(Alias = "directory", ApplyNamingConventions = false, Order = 6)]
    public ApplicationSourceDirectory? Directory { get; set; }
}
