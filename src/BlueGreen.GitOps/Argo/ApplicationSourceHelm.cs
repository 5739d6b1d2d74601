using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Helm options of a chart source.</summary>
public sealed class ApplicationSourceHelm
{
    [YamlMember(Alias = "releaseName", ApplyNamingConventions = false, Order = 0)]
    public string? ReleaseName { get; set; }

    [YamlMember(Alias = "valueFiles", ApplyNamingConventions = false, Order = 1)]
    public List<string>? ValueFiles { get; set; }

    /// <summary>Chart values as structured YAML (Argo CD prefers these to the <c>values</c> string).</summary>
    [YamlMember(Alias = "valuesObject", ApplyNamingConventions = false, Order = 2)]
    public Dictionary<string, object>? ValuesObject { get; set; }

    [YamlMember(Alias = "skipCrds", ApplyNamingConventions = false, Order = 3)]
    public bool? SkipCrds { get; set; }
}
