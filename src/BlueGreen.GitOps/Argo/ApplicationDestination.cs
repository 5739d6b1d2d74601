using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>The cluster and namespace an Application deploys to.</summary>
public sealed class ApplicationDestination
{
    [YamlMember(Alias = "server", ApplyNamingConventions = false, Order = 0)]
    public string? Server { get; set; }

    [YamlMember(Alias = "name", ApplyNamingConventions = false, Order = 1)]
    public string? Name { get; set; }

    [YamlMember(Alias = "namespace", ApplyNamingConventions = false, Order = 2)]
    public string? Namespace { get; set; }
}
