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
    /// <summary>Reads an argoproj.io/v1alpha1 Application as the API server returns it.</summary>
    public static ApplicationStatus From(JsonElement application)
    {
        var name = application.GetProperty("metadata").GetProperty("name").GetString() ?? string.Empty;
        var status = application.TryGetProperty("status", out var s) ? s : default;
        var wave = application.GetProperty("metadata").TryGetProperty("annotations", out var annotations)
            && annotations.TryGetProperty("argocd.argoproj.io/sync-wave", out var w)
            && int.TryParse(w.GetString(), System.Globalization.CultureInfo.InvariantCulture, out var parsed) ? parsed : 0;
        var children = status.ValueKind == JsonValueKind.Object && status.TryGetProperty("resources", out var resources)
            ? resources.EnumerateArray()
                .Where(r => Text(r, "kind") == "Application" && Text(r, "group") == "argoproj.io")
                .Select(r => Text(r, "name") ?? string.Empty)
                .ToList()
            : [];
        return new ApplicationStatus(
            name,
            Path(status, "sync", "status") ?? "Unknown",
            Path(status, "health", "status") ?? "Unknown",
            Path(status, "sync", "revision"),
            application.TryGetProperty("spec", out var spec) ? Path(spec, "source", "targetRevision") : null,
            wave,
            children);
    }

    /// <summary>Synced and Healthy.</summary>
    public bool SyncedAndHealthy => SyncStatus == "Synced" && HealthStatus == "Healthy";

    private static string? Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string? Path(JsonElement element, string first, string second) =>
        element.ValueKind == JsonValueKind.Object && element.TryGetProperty(first, out var inner) && inner.ValueKind == JsonValueKind.Object ? Text(inner, second) : null;
}
