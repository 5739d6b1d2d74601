using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>When and how Argo CD syncs an Application.</summary>
public sealed class SyncPolicy
{
    [YamlMember(Alias = "automated", ApplyNamingConventions = false, Order = 0)]
    public SyncPolicyAutomated? Automated { get; set; }

    [YamlMember(Alias = "syncOptions", ApplyNamingConventions = false, Order = 1)]
    public List<string>? SyncOptions { get; set; }

    [YamlMember(Alias = "retry", ApplyNamingConventions = false, Order = 2)]
    public RetryStrategy? Retry { get; set; }
}
