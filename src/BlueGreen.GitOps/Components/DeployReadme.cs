using System.Text;
using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Drift;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Components;

/// <summary>The README at the top of the rendered tree: do not edit by hand, and how each cluster starts following it.</summary>
internal static class DeployReadme
{
    public static RenderedFile Render(EnvironmentConfig config, IReadOnlyList<ColourContext> colours)
    {
        var root = config.GitOps.Path.TrimEnd('/');
        var text = new StringBuilder()
            .Append(TreeWriter.TreeMarker).Append("\n\n")
            .Append("Everything here is rendered by `bluegreen gitops render` from `bluegreen.yaml`; do not edit it by hand.\n")
            .Append("Change the configuration, render again and commit. `bluegreen gitops render --check` fails when this\n")
            .Append("directory differs from what the configuration renders. See docs/gitops.md.\n\n")
            .Append("| colour | cluster | Kubernetes | root Application |\n")
            .Append("| --- | --- | --- | --- |\n");
        foreach (var colour in colours)
        {
            text.Append($"| {colour.Colour} | {colour.Cluster.Name} | {colour.Cluster.Version} | `{colour.Directory}/{Layout.RootFile}` |\n");
        }

        text.Append("\n## Start a cluster following this tree (once per cluster)\n\n")
            .Append($"Argo CD {config.GitOps.ArgoCdVersion}, then its Application health check, then the colour's root Application:\n\n")
            .Append("```\n");
        foreach (var colour in colours)
        {
            var context = $"--context {colour.Cluster.Context}";
            text.Append($"# {colour.Colour}\n")
                .Append($"kubectl {context} create namespace argocd\n")
                .Append($"kubectl {context} apply -n argocd --server-side --force-conflicts -f https://raw.githubusercontent.com/argoproj/argo-cd/{config.GitOps.ArgoCdVersion}/manifests/install.yaml\n")
                .Append($"kubectl {context} apply --server-side --field-manager=bluegreen-argocd-health -f {root}/{ArgoCdBootstrap.Directory}/{ArgoCdBootstrap.HealthFile}\n")
                .Append($"kubectl {context} apply -f {root}/{colour.Directory}/{Layout.RootFile}\n");
        }

        text.Append("```\n");
        return new RenderedFile(Layout.ReadmeFile, text.ToString());
    }
}
