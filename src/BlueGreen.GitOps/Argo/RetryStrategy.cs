using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>How often and how patiently a failed sync is retried.</summary>
public sealed class RetryStrategy
{
    [YamlMember(Alias = "limit", ApplyNamingConventions = false, Order = 0)]
    public long? Limit { get; set; }

    [YamlMember(Alias = "backoff", ApplyNamingConventions = false, Order = 1)]
    public RetryBackoff? Backoff { get; set; }
}
