using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Automated sync: follow Git without a person pressing sync.</summary>
public sealed class SyncPolicyAutomated
{
    [YamlMember(Alias = "enabled", ApplyNamingConventions = false, Order = 0)]
    public bool? Enabled { get; set; }

    /// <summary>Delete resources that left Git.</summary>
    [YamlMember(Alias = "prune", ApplyNamingConventions = false, Order = 1)]
    public bool? Prune { get; set; }

    /// <summary>Undo changes made in the cluster by hand.</summary>
    [YamlMember(Alias = "selfHeal", ApplyNamingConventions = false, Order = 2)]
    public bool? SelfHeal { get; set; }

    [YamlMember(Alias = "allowEmpty", ApplyNamingConventions = false, Order = 3)]
    public bool? AllowEmpty { get; set; }
}
