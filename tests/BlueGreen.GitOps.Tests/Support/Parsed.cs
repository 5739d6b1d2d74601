using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Tests.Support;

/// <summary>A tree's manifests read back, for rules that take them; fails the test when any file does not read back.</summary>
internal static class Parsed
{
    public static IReadOnlyList<ParsedManifest> All(RenderedTree tree)
    {
        var (manifests, errors) = ManifestReader.ReadTree(tree);
        Assert.Empty(errors);
        return manifests;
    }

    public static IReadOnlyList<ParsedManifest> Of(RenderedTree tree, string colour) =>
        All(tree).Where(m => m.Identity.Path.StartsWith(colour + "/", StringComparison.Ordinal)).ToList();
}
