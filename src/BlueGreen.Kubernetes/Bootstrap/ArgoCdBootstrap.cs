using BlueGreen.Core.Clusters;
using k8s;

namespace BlueGreen.Kubernetes.Bootstrap;

/// <summary>
/// Installs Argo CD from its official manifest with server-side apply, adds the Application health check
/// to argocd-cm, applies the colour's root app-of-apps, and waits until the colour is ready. Every step is
/// an apply, so a rerun converges.
/// </summary>
public sealed class ArgoCdBootstrap(ServerSideApply apply, IKubernetes client, IClusterProbe probe, TimeProvider time, Action<string> report)
{
    /// <summary>
    /// The field manager of deploy/argocd/argocd-cm-health.yaml. It is not <see cref="ServerSideApply.FieldManager"/>:
    /// re-applying install.yaml's argocd-cm as that manager would drop every key it does not set, the health check too.
    /// </summary>
    public const string HealthFieldManager = "bluegreen-argocd-health";

    private const string ArgoNamespace = "argocd";

    /// <summary>Bootstraps without the Application health check.</summary>
    public Task RunAsync(string colour, string installManifest, string rootManifest, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken) =>
        RunAsync(colour, installManifest, null, rootManifest, timeout, poll, cancellationToken);

    /// <summary>Bootstraps, applying <paramref name="healthManifest"/> (argocd-cm-health.yaml) under <see cref="HealthFieldManager"/> after the install.</summary>
    public async Task RunAsync(string colour, string installManifest, string? healthManifest, string rootManifest, TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var namespaceDocument = new ManifestDocument("v1", "Namespace", ArgoNamespace, null, $"apiVersion: v1\nkind: Namespace\nmetadata:\n  name: {ArgoNamespace}\n");
        await apply.ApplyAsync(namespaceDocument, ArgoNamespace, cancellationToken).ConfigureAwait(false);

        // CRDs first, so the objects that use them (and the root Application) find their kinds served.
        var install = ManifestDocument.Split(installManifest, "Argo CD install manifest");
        foreach (var document in install.OrderBy(d => d.Kind == "CustomResourceDefinition" ? 0 : 1))
        {
            await apply.ApplyAsync(document, ArgoNamespace, cancellationToken).ConfigureAwait(false);
        }

        report($"Applied {install.Count} objects of the Argo CD install manifest (server-side, field manager {ServerSideApply.FieldManager}).");
        if (healthManifest is not null)
        {
            foreach (var document in ManifestDocument.Split(healthManifest, "argocd-cm health check"))
            {
                await apply.ApplyAsync(document, ArgoNamespace, HealthFieldManager, cancellationToken).ConfigureAwait(false);
            }

            report($"Applied the Application health check to argocd-cm (server-side, field manager {HealthFieldManager}).");
        }

        await WaitAsync(deadline, poll, ArgoCdAvailableAsync, "Argo CD's Deployments to become available", cancellationToken).ConfigureAwait(false);
        report("Argo CD is available.");

        apply.ForgetDiscovery();
        var root = ManifestDocument.Split(rootManifest, "root app-of-apps");
        foreach (var document in root)
        {
            await apply.ApplyAsync(document, ArgoNamespace, cancellationToken).ConfigureAwait(false);
        }

        report($"Applied the root Application of {colour}; waiting until {colour} is ready.");
        await WaitAsync(
            deadline,
            poll,
            async ct =>
            {
                var readiness = await probe.CheckAsync(colour, ct).ConfigureAwait(false);
                return readiness.Ready ? [] : readiness.Problems;
            },
            $"{colour} to become ready",
            cancellationToken).ConfigureAwait(false);
        report($"{colour} is ready.");
    }

    private async Task<IReadOnlyList<string>> ArgoCdAvailableAsync(CancellationToken cancellationToken)
    {
        var deployments = await client.AppsV1.ListNamespacedDeploymentAsync(ArgoNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (deployments.Items.Count == 0)
        {
            return ["no Deployment in argocd yet"];
        }

        return deployments.Items
            .Where(d => d.Status?.Conditions?.Any(c => c.Type == "Available" && c.Status == "True") != true)
            .Select(d => $"Deployment argocd/{d.Metadata.Name} is not available")
            .ToList();
    }

    private async Task WaitAsync(DateTimeOffset deadline, TimeSpan poll, Func<CancellationToken, Task<IReadOnlyList<string>>> pending, string what, CancellationToken cancellationToken)
    {
        var left = await pending(cancellationToken).ConfigureAwait(false);
        while (left.Count > 0)
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}: {string.Join("; ", left)}. Run bootstrap again to keep waiting; it converges.");
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            left = await pending(cancellationToken).ConfigureAwait(false);
        }
    }
}
