using System.Text;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Components;

/// <summary>The README at the top of the rendered tree, so a reader of the repository knows not to edit it by hand.</summary>
internal static class DeployReadme
{
    public static RenderedFile Render(IReadOnlyList<ColourContext> colours)
    {
        var text = new StringBuilder()
            .Append("# Rendered GitOps tree\n\n")
            .Append("Everything here is rendered by `bluegreen gitops render` from `bluegreen.yaml`; do not edit it by hand.\n")
            .Append("Change the configuration, render again and commit. `bluegreen gitops render --check` fails when this\n")
            .Append("directory differs from what the configuration renders. See docs/gitops.md.\n\n")
            .Append("| colour | cluster | Kubernetes | root Application |\n")
            .Append("| --- | --- | --- | --- |\n");
        foreach (var colour in colours)
        {
            text.Append($"| {colour.Colour} | {colour.Cluster.Name} | {colour.Cluster.Version} | `{colour.Directory}/{Layout.RootFile}` |\n");
        }

        return new RenderedFile(Layout.ReadmeFile, text.ToString());
    }
}
