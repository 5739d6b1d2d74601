namespace BlueGreen.GitOps.Rendering;

/// <summary>Everything <c>gitops render</c> writes, in path order, with the colour directories it came from.</summary>
public sealed class RenderedTree
{
    public RenderedTree(string rootPath, string serviceHost, IEnumerable<RenderedFile> files, IEnumerable<RenderedColour> colours)
    {
        RootPath = rootPath;
        ServiceHost = serviceHost;
        Files = files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
        Colours = colours.ToList();
        var duplicate = Files.GroupBy(f => f.Path, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
        {
            throw new InvalidOperationException($"Two rendered files share the path '{duplicate.Key}'.");
        }
    }

    /// <summary>The GitOps directory inside the repository (gitops.path), e.g. <c>deploy</c>.</summary>
    public string RootPath { get; }

    /// <summary>The shared service hostname, whose records belong to the cutover engine and to no cluster.</summary>
    public string ServiceHost { get; }

    public IReadOnlyList<RenderedFile> Files { get; }

    /// <summary>The colours rendered, each with the Kubernetes version its cluster runs.</summary>
    public IReadOnlyList<RenderedColour> Colours { get; }

    /// <summary>The file at <paramref name="path"/>, or null.</summary>
    public RenderedFile? Find(string path) => Files.FirstOrDefault(f => string.Equals(f.Path, path, StringComparison.Ordinal));

    /// <summary>The files under one colour's directory.</summary>
    public IEnumerable<RenderedFile> FilesOf(string colour) =>
        Files.Where(f => f.Path.StartsWith(colour + "/", StringComparison.Ordinal));

    /// <summary>A copy with one file's content replaced (or added), for checks that must see a changed tree.</summary>
    public RenderedTree With(RenderedFile file) =>
        new(RootPath, ServiceHost, Files.Where(f => !string.Equals(f.Path, file.Path, StringComparison.Ordinal)).Append(file), Colours);

    /// <summary>A copy without the file at <paramref name="path"/>.</summary>
    public RenderedTree Without(string path) =>
        new(RootPath, ServiceHost, Files.Where(f => !string.Equals(f.Path, path, StringComparison.Ordinal)), Colours);
}
