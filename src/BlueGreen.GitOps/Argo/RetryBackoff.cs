using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>Exponential backoff between sync retries.</summary>
public sealed class RetryBackoff
{
    /// <summary>First wait, as a Go duration such as <c>10s</c>.</summary>
    [YamlMember(Alias = "duration", ApplyNamingConventions = false, Order = 0)]
    public string? Duration { get; set; }

    [YamlMember(Alias = "factor", ApplyNamingConventions = false, Order = 1)]
    public long? Factor { get; set; }

    /// <summary>Longest wait, as a Go duration such as <c>3m</c>.</summary>
    [YamlMember(Alias = "maxDuration", ApplyNamingConventions = false, Order = 2)]
    public string? MaxDuration { get; set; }
}
