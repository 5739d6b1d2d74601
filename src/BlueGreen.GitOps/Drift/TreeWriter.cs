using System.Text;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Drift;

/// <summary>Makes a directory hold exactly the rendered tree: writes changed and missing files, deletes the rest.</summary>
public static class TreeWriter
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    /// <summary>The first line of the README every rendered tree has; a directory without it is not one.</summary>
    public const string TreeMarker = "# Rendered GitOps tree";

    /// <summary>Brings <paramref name="directory"/> in line with <paramref name="tree"/> and reports what it changed.</summary>
    /// <exception cref="UnmanagedDirectoryException">The directory holds files but is not a rendered tree.</exception>
    public static DriftReport Write(RenderedTree tree, string directory)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var drift = DriftCheck.Compare(tree, directory);
        if (drift.Extra.Count > 0 && !IsRenderedTree(directory))
        {
            // Deleting the extra files of the wrong directory (the repository root, say) would be a disaster.
            throw new UnmanagedDirectoryException(
                $"{directory} holds files but is not a rendered GitOps tree (its README.md does not start with '{TreeMarker}'); "
                + "render into the GitOps directory or an empty one. Nothing was written.");
        }
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

    private static bool IsRenderedTree(string directory)
    {
        var readme = Path.Combine(directory, "README.md");
        return File.Exists(readme) && File.ReadLines(readme).FirstOrDefault() == TreeMarker;
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
