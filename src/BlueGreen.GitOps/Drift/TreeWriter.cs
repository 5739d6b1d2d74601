using System.Text;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Drift;

/// <summary>Makes a directory hold exactly the rendered tree: writes changed and missing files, deletes the rest.</summary>
public static class TreeWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>Brings <paramref name="directory"/> in line with <paramref name="tree"/> and reports what it changed.</summary>
    public static DriftReport Write(RenderedTree tree, string directory)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var drift = DriftCheck.Compare(tree, directory);
        foreach (var path in drift.Stale.Concat(drift.Missing))
        {
            var target = DriftCheck.FullPath(directory, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.WriteAllBytes(target, Utf8.GetBytes(tree.Find(path)!.Content));
        }

        foreach (var path in drift.Extra)
        {
            File.Delete(DriftCheck.FullPath(directory, path));
        }

        RemoveEmptyDirectories(directory);
        return drift;
    }

    private static void RemoveEmptyDirectories(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return;
        }

        // Deepest first, so a parent empties before it is looked at.
        foreach (var sub in Directory.EnumerateDirectories(directory, "*", SearchOption.AllDirectories).OrderByDescending(d => d.Length))
        {
            if (!Directory.EnumerateFileSystemEntries(sub).Any())
            {
                Directory.Delete(sub);
            }
        }
    }
}
