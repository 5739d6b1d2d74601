using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Fields of matching live resources that Argo CD must not count as drift.</summary>
public sealed class ResourceIgnoreDifferences
{
    [YamlMember(Alias = "group", ApplyNamingConventions = false, Order = 0)]
    public string? Group { get; set; }

    [YamlMember(Alias = "kind", ApplyNamingConventions = false, Order = 1)]
    public string? Kind { get; set; }

    [YamlMember(Alias = "name", ApplyNamingConventions = false, Order = 2)]
    public string? Name { get; set; }

    [YamlMember(Alias = "namespace", ApplyNamingConventions = false, Order = 3)]
    public string? Namespace { get; set; }

    [YamlMember(Alias = "jsonPointers", ApplyNamingConventions = false, Order = 4)]
    public List<string>? JsonPointers { get; set; }

    [YamlMember(Alias = "jqPathExpressions", ApplyNamingConventions = false, Order = 5)]
    public List<string>? JqPathExpressions { get; set; }
}
