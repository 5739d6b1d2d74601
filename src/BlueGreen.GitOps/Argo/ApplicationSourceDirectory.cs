using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Options of a plain-manifest directory source.</summary>
public sealed class ApplicationSourceDirectory
{
    [YamlMember(Alias = "recurse", ApplyNamingConventions = false, Order = 0)]
    public bool? Recurse { get; set; }

    [YamlMember(Alias = "include", ApplyNamingConventions = false, Order = 1)]
    public string? Include { get; set; }

    [YamlMember(Alias = "exclude", ApplyNamingConventions = false, Order = 2)]
    public string? Exclude { get; set; }
}
