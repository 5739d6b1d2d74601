using System.Globalization;
using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Components;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Checks;

/// <summary>Rules of one colour's app-of-apps: the root follows the apps directory, children carry the finalizer and waves in order.</summary>
public static class ApplicationTreeRules
{
    public static IReadOnlyList<string> Check(RenderedTree tree, string colour, IReadOnlyList<ParsedManifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(manifests);
        var errors = new List<string>();
        var colourRoot = $"{tree.RootPath.TrimEnd('/')}/{colour}/";
        var rootPath = $"{colour}/{Layout.RootFile}";
        var appsPrefix = $"{colour}/{Layout.AppsDirectory}/";

        var root = manifests.Where(m => m.Identity.Path == rootPath).ToList();
        if (root is not [{ Value: Application rootApplication } rootManifest])
        {
            errors.Add($"{rootPath}: must hold exactly one Argo CD Application, the colour's root.");
        }
        else
        {
            errors.AddRange(ApplicationRules.Validate(rootApplication, rootManifest.Identity.Location));
            var expected = colourRoot + Layout.AppsDirectory;
            if (rootApplication.Spec?.Source?.Path != expected)
            {
                errors.Add($"{rootPath}: the root follows '{rootApplication.Spec?.Source?.Path}', not this colour's apps directory '{expected}'.");
            }
        }

        var children = new List<(ParsedManifest Manifest, Application Application)>();
        foreach (var manifest in manifests.Where(m => m.Identity.Path.StartsWith(appsPrefix, StringComparison.Ordinal)))
        {
            if (manifest.Value is not Application child)
            {
                errors.Add($"{manifest.Identity.Location}: the apps directory holds only Applications; found {manifest.Identity.Kind}.");
                continue;
            }

            children.Add((manifest, child));
            errors.AddRange(ApplicationRules.Validate(child, manifest.Identity.Location));
            if (child.Metadata?.Finalizers?.Contains(Application.ResourcesFinalizer) != true)
            {
                errors.Add($"{manifest.Identity.Location}: child Application '{child.Metadata?.Name}' lacks {Application.ResourcesFinalizer}; deleting it would orphan its resources.");
            }

            if (child.Spec?.Source?.Path is { } path
                && (!path.StartsWith(colourRoot, StringComparison.Ordinal) || !manifests.Any(m => m.Identity.Path.StartsWith(path[(tree.RootPath.TrimEnd('/').Length + 1)..] + "/", StringComparison.Ordinal))))
            {
                errors.Add($"{manifest.Identity.Location}: source path '{path}' is not a directory of manifests under '{colourRoot}'.");
            }
        }

        errors.AddRange(WaveOrder(tree, colour, manifests, children));
        return errors;
    }

    private static IEnumerable<string> WaveOrder(RenderedTree tree, string colour, IReadOnlyList<ParsedManifest> manifests, List<(ParsedManifest Manifest, Application Application)> children)
    {
        var rootPrefixLength = tree.RootPath.TrimEnd('/').Length + 1;
        IEnumerable<ParsedManifest> Deployed(Application application) =>
            application.Spec?.Source?.Path is { Length: > 0 } path && path.Length > rootPrefixLength
                ? manifests.Where(m => m.Identity.Path.StartsWith(path[rootPrefixLength..] + "/", StringComparison.Ordinal))
                : [];

        var controllers = children.Where(c => c.Application.Spec?.Source?.Chart == LoadBalancerController.Name).ToList();
        var externalDns = children.Where(c => Deployed(c.Application).Any(m =>
            m.Value is V1Deployment d && (d.Spec?.Template?.Spec?.Containers ?? []).Any(x => x.Image?.StartsWith(ExternalDnsRelease.ImageRepository + ":", StringComparison.Ordinal) == true))).ToList();
        var workloads = children.Where(c => Deployed(c.Application).Any(m => m.Value is V1Ingress)).ToList();

        if (controllers.Count != 1)
        {
            yield return $"{colour}: expected one load balancer controller Application, found {controllers.Count}.";
        }

        if (externalDns.Count != 1)
        {
            yield return $"{colour}: expected one ExternalDNS Application, found {externalDns.Count}.";
        }

        if (controllers.Count != 1 || externalDns.Count != 1)
        {
            yield break;
        }

        var controllerWave = Wave(controllers[0].Application);
        var externalDnsWave = Wave(externalDns[0].Application);
        if (controllerWave is null || externalDnsWave is null || controllerWave >= externalDnsWave)
        {
            yield return $"{colour}: the load balancer controller (wave {controllerWave}) must sync before ExternalDNS (wave {externalDnsWave}), and be deleted after it.";
        }

        foreach (var workload in workloads)
        {
            var wave = Wave(workload.Application);
            if (wave is null || wave <= externalDnsWave || wave <= controllerWave)
            {
                yield return $"{workload.Manifest.Identity.Location}: '{workload.Application.Metadata?.Name}' has an Ingress, so its wave ({wave}) must come after the load balancer controller ({controllerWave}) and ExternalDNS ({externalDnsWave}).";
            }
        }
    }

    private static int? Wave(Application application) =>
        application.Metadata?.Annotations?.TryGetValue(Application.SyncWaveAnnotation, out var text) == true
        && int.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var wave)
            ? wave
            : null;
}
