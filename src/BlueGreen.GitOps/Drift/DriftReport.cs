namespace BlueGreen.GitOps.Drift;

/// <summary>How a directory differs from the rendered tree; paths are relative to the GitOps directory.</summary>
public sealed record DriftReport(IReadOnlyList<string> Stale, IReadOnlyList<string> Missing, IReadOnlyList<string> Extra)
{
    /// <summary>True when the directory holds exactly the rendered files, byte for byte.</summary>
    public bool IsClean => Stale.Count == 0 && Missing.Count == 0 && Extra.Count == 0;
}
