namespace BlueGreen.GitOps.Rendering;

/// <summary>An object to write as one YAML file, with the comment lines that head it.</summary>
internal sealed record ManifestFile(string Path, object Manifest, IReadOnlyList<string> Comments)
{
    public ManifestFile(string path, object manifest)
        : this(path, manifest, [])
    {
    }
}
