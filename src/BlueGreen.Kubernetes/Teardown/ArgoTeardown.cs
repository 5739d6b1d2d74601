using System.Net;
using System.Text.Json;
using BlueGreen.Core.Teardown;
using BlueGreen.Kubernetes.ArgoCd;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BlueGreen.Kubernetes.Teardown;

/// <summary>
/// The cluster side of a colour's teardown through Argo CD: the root Application's automated sync turned off with a
/// merge patch, Applications deleted one by one with foreground cascade (each carries Argo CD's resources finalizer,
/// so its resources go first), and the Ingresses and LoadBalancer Services whose load balancers must be gone.
/// </summary>
public sealed class ArgoTeardown(IKubernetes client, string argoNamespace = "argocd", string rootApplication = TeardownPlan.RootApplication) : IClusterTeardown
{
    private const string Group = "argoproj.io";
    private const string Version = "v1alpha1";
    private const string Plural = "applications";

    public async Task DisableRootSyncAsync(CancellationToken cancellationToken)
    {
        // A JSON merge patch with null removes spec.syncPolicy.automated and leaves syncOptions alone.
        var patch = new V1Patch("{\"spec\":{\"syncPolicy\":{\"automated\":null}}}", V1Patch.PatchType.MergePatch);
        try
        {
            await client.CustomObjects.PatchNamespacedCustomObjectAsync(patch, Group, Version, argoNamespace, Plural, rootApplication, cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public async Task<bool> RootSyncsAutomaticallyAsync(CancellationToken cancellationToken)
    {
        try
        {
            var root = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(Group, Version, argoNamespace, Plural, rootApplication, cancellationToken: cancellationToken).ConfigureAwait(false);
            return root.TryGetProperty("spec", out var spec)
                && spec.TryGetProperty("syncPolicy", out var policy)
                && policy.ValueKind == JsonValueKind.Object
                && policy.TryGetProperty("automated", out var automated)
                && automated.ValueKind == JsonValueKind.Object;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task<IReadOnlyList<string>> ApplicationsExceptAsync(IReadOnlyCollection<string> kept, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(kept);
        return [.. (await ApplicationsAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.Name).Where(n => !kept.Contains(n))];
    }

    public async Task DeleteApplicationAsync(string name, CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                Group, Version, argoNamespace, Plural, name,
                new V1DeleteOptions { PropagationPolicy = "Foreground" },
                cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
        }
    }

    public async Task<IReadOnlyList<string>> ApplicationsLeftAsync(IReadOnlyCollection<string>? names, CancellationToken cancellationToken) =>
        [.. (await ApplicationsAsync(cancellationToken).ConfigureAwait(false)).Select(a => a.Name).Where(n => names is null || names.Contains(n))];

    public async Task<IReadOnlyList<string>> LoadBalancedObjectsAsync(CancellationToken cancellationToken)
    {
        var ingresses = await client.NetworkingV1.ListIngressForAllNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var services = await client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return
        [
            .. ingresses.Items.Select(i => $"Ingress {i.Metadata.NamespaceProperty}/{i.Metadata.Name}"),
            .. services.Items.Where(s => s.Spec?.Type == "LoadBalancer").Select(s => $"LoadBalancer Service {s.Metadata.NamespaceProperty}/{s.Metadata.Name}"),
        ];
    }

    private async Task<List<ApplicationStatus>> ApplicationsAsync(CancellationToken cancellationToken)
    {
        var applications = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(Group, Version, argoNamespace, Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        try
        {
            return [.. applications.GetProperty("items").EnumerateArray().Select(ApplicationStatus.From)];
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The Application list of namespace {argoNamespace} could not be read ({e.Message}); check the Argo CD CRD version (argoproj.io/v1alpha1) on the cluster.", e);
        }
    }
}
