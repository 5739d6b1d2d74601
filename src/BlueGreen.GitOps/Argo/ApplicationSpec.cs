using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>What an Application deploys, where, and how it syncs.</summary>
public sealed class ApplicationSpec
{
    [YamlMember(Alias = "project", ApplyNamingConventions = false, Order = 0)]
    public string? Project { get; set; }

    [YamlMember(Alias = "source", ApplyNamingConventions = false, Order = 1)]
    public ApplicationSource? Source { get; set; }

    [YamlMember(Alias = "sources", ApplyNamingConventions = false, Order = 2)]
    public List<ApplicationSource>? Sources { get; set; }

    [YamlMember(Alias = "destination", ApplyNamingConventions = false, Order = 3)]
    public ApplicationDestination? Destination { get; set; }

    [YamlMember(Alias = "syncPolicy", ApplyNamingConventions = false, Order = 4)]
    public SyncPolicy? SyncPolicy { get; set; }

    [YamlMember(Alias = "ignoreDifferences", ApplyNamingConventions = false, Order = 5)]
    public List<ResourceIgnoreDifferences>? IgnoreDifferences { get; set; }

    [YamlMember(Alias = "revisionHistoryLimit", ApplyNamingConventions = false, Order = 6)]
    public long? RevisionHistoryLimit { get; set; }
}
