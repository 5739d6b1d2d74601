using System.Text;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Drift;

/// <summary>Compares a directory on disk with the rendered tree, byte for byte, like <c>terraform fmt -check</c>.</summary>
public static class DriftCheck
{
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false);

    public static DriftReport Compare(RenderedTree tree, string directory)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var onDisk = ListFiles(directory);
        var rendered = tree.Files.ToDictionary(f => f.Path, StringComparer.Ordinal);

        var missing = rendered.Keys.Where(path => !onDisk.Contains(path)).Order(StringComparer.Ordinal).ToList();
        var extra = onDisk.Where(path => !rendered.ContainsKey(path)).Order(StringComparer.Ordinal).ToList();
        var stale = rendered.Values
            .Where(file => onDisk.Contains(file.Path))
            .Where(file => !File.ReadAllBytes(FullPath(directory, file.Path)).AsSpan().SequenceEqual(Utf8.GetBytes(file.Content)))
            .Select(file => file.Path)
            .Order(StringComparer.Ordinal)
            .ToList();
        return new DriftReport(stale, missing, extra);
    }

    /// <summary>The files under <paramref name="directory"/> as forward-slash relative paths; none when it does not exist.</summary>
    internal static HashSet<string> ListFiles(string directory)
    {
        if (!Directory.Exists(directory))
        {
            return new HashSet<string>(StringComparer.Ordinal);
        }

        return Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Select(path => Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'))
            .ToHashSet(StringComparer.Ordinal);
    }

    internal static string FullPath(string directory, string relativePath) =>
        Path.Combine(directory, relativePath.Replace('/', Path.DirectorySeparatorChar));
}
