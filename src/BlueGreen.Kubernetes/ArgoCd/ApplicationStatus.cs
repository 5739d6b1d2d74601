using System.Text.Json;

namespace BlueGreen.Kubernetes.ArgoCd;

/// <summary>What an Argo CD Application reports: sync, health, revision and its child Applications.</summary>
public sealed record ApplicationStatus(
    string Name,
    string SyncStatus,
    string HealthStatus,
    string? SyncedRevision,
    string? TargetRevision,
    int SyncWave,
    IReadOnlyList<string> ChildApplications)
{
    /// <summary>spec.source.repoURL: a Git repository, or a Helm repository when <see cref="Chart"/> is set.</summary>
    public string? RepoUrl { get; init; }

    /// <summary>spec.source.chart for a Helm chart source, else null.</summary>
    public string? Chart { get; init; }

    /// <summary>Reads an argoproj.io/v1alpha1 Application as the API server returns it.</summary>
    public static ApplicationStatus From(JsonElement application)
    {
        if (application.ValueKind != JsonValueKind.Object
            || !application.TryGetProperty("metadata", out var metadata)
            || metadata.ValueKind != JsonValueKind.Object
            || Text(metadata, "name") is not { } name)
        {
            throw new FormatException("The API server returned an Application without metadata.name.");
        }

        var status = application.TryGetProperty("status", out var s) ? s : default;
        var wave = metadata.TryGetProperty("annotations", out var annotations)
            && annotations.ValueKind == JsonValueKind.Object
            && annotations.TryGetProperty("argocd.argoproj.io/sync-wave", out var w)
            && w.ValueKind == JsonValueKind.String
            && int.TryParse(w.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var children = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("resources", out var resources) && resources.ValueKind == JsonValueKind.Array
            ? resources.EnumerateArray()
                .Where(r => Text(r, "kind") == "Application" && Text(r, "group") == "argoproj.io")
                .Select(r => Text(r, "name") ?? string.Empty)
                .ToList()
            : [];
        var spec = application.TryGetProperty("spec", out var specElement) ? specElement : default;
        return new ApplicationStatus(
            name,
            Path(status, "sync", "status") ?? "Unknown",
            Path(status, "health", "status") ?? "Unknown",
            Path(status, "sync", "revision"),
            Path(spec, "source", "targetRevision"),
            wave,
            children)
        {
            RepoUrl = Path(spec, "source", "repoURL"),
            Chart = Path(spec, "source", "chart"),
        };
    }

    /// <summary>Synced and Healthy.</summary>
    public bool SyncedAndHealthy => SyncStatus == "Synced" && HealthStatus == "Healthy";

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Path(JsonElement element, string first, string second) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(first, out var inner) && inner.ValueKind == JsonValueKind.Object ? Text(inner, second) : null;
}
