using System.Text;
using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Components;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Rendering;

/// <summary>Renders the GitOps tree of every colour from the configuration: plain, fully resolved YAML, the same bytes every time.</summary>
public static class GitOpsRenderer
{
    /// <summary>The first line of every rendered YAML file.</summary>
    public const string GeneratedNotice = "# Rendered by `bluegreen gitops render` from bluegreen.yaml. Do not edit: change the configuration and render again.";

    /// <summary>Renders the tree, or throws <see cref="GitOpsConfigException"/> listing every key that prevents it.</summary>
    public static RenderedTree Render(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var errors = RenderInputValidator.Validate(config);
        if (errors.Count > 0)
        {
            throw new GitOpsConfigException(errors);
        }

        ExternalDnsRelease.TryParse(config.GitOps.ExternalDnsVersion, out var externalDns);
        var colours = config.Clusters
            .Select(cluster => new ColourContext(config, cluster, KubernetesVersion.Parse(cluster.Version), externalDns!))
            .ToList();

        var files = colours
            .SelectMany(Manifests)
            .Append(ArgoCdBootstrap.Render(config.GitOps.ArgoCdVersion))
            .Select(Write)
            .Append(DeployReadme.Render(config, colours));
        return new RenderedTree(config.GitOps.Path, config.Dns.ZoneName, files, colours.Select(c => new RenderedColour(c.Colour, c.Cluster.Version)));
    }

    private static IEnumerable<ManifestFile> Manifests(ColourContext colour)
    {
        yield return new ManifestFile($"{colour.Directory}/{Layout.RootFile}", ArgoApplications.Root(colour),
        [
            $"Root Application of {colour.Cluster.Name}: apply it once with kubectl; Argo CD then follows {colour.RepoPath(Layout.AppsDirectory)}.",
        ]);

        foreach (var file in LoadBalancerController.Render(colour).Concat(ExternalDns.Render(colour)).Concat(SampleApp.Render(colour)))
        {
            yield return file;
        }
    }

    private static RenderedFile Write(ManifestFile file)
    {
        var text = new StringBuilder().Append(GeneratedNotice).Append('\n');
        foreach (var comment in file.Comments)
        {
            text.Append("# ").Append(comment).Append('\n');
        }

        text.Append(ManifestYaml.Serialize(file.Manifest));
        return new RenderedFile(file.Path, text.ToString());
    }
}
