namespace BlueGreen.Cli.Composition;

/// <summary>What AWS mode needs besides bluegreen.yaml: the common stack's journal bucket and zone (SSM /&lt;env&gt;/common/...), optional Prometheus.</summary>
public sealed record AwsModeOptions
{
    /// <summary>SSM /&lt;env&gt;/common/journal-bucket; journal and lock live under &lt;environment&gt;/ in it.</summary>
    public required string JournalBucket { get; init; }

    /// <summary>SSM /&lt;env&gt;/common/zone-id; looked up by the zone's name when null.</summary>
    public string? ZoneId { get; init; }

    /// <summary>Prometheus HTTP API for user-traffic metrics; direct probes stand in when null.</summary>
    public Uri? PrometheusUrl { get; init; }

    /// <summary>The commit Argo CD must have synced for a colour to be ready; any commit of gitops.revision when null.</summary>
    public string? ExpectedCommit { get; init; }
}
