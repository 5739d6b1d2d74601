using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Tests.Support;

/// <summary>The default rendered tree, and edits of it that fail loudly when the text they edit is not there.</summary>
internal static class Trees
{
    // Rendered once: trees are immutable, and edits make copies.
    private static readonly Lazy<RenderedTree> DefaultTree = new(() => GitOpsRenderer.Render(DefaultConfig.Create()));

    public static RenderedTree Default() => DefaultTree.Value;

    public static RenderedTree Render(Func<EnvironmentConfig, EnvironmentConfig> change) => GitOpsRenderer.Render(change(DefaultConfig.Create()));

    public static string Content(this RenderedTree tree, string path) =>
        (tree.Find(path) ?? throw new InvalidOperationException($"The tree has no file {path}.")).Content;

    /// <summary>Replaces text in one file; throws when the text does not occur, so a test cannot pass by editing nothing.</summary>
    public static RenderedTree Replace(this RenderedTree tree, string path, string oldText, string newText)
    {
        var content = tree.Content(path);
        if (!content.Contains(oldText, StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"{path} does not contain '{oldText}'.");
        }

        return tree.With(new RenderedFile(path, content.Replace(oldText, newText, StringComparison.Ordinal)));
    }
}
