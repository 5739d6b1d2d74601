using System.Net;
using System.Text.Json;
using BlueGreen.Kubernetes.ArgoCd;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BlueGreen.Kubernetes.Teardown;

/// <summary>
/// Tears a colour's workloads down the way Argo CD orders it: delete the root app-of-apps with foreground
/// cascade, so children go in reverse sync wave (the load balancer controller last, after the Ingress whose
/// ALB it must delete), then wait until no Application, Ingress or LoadBalancer Service is left.
/// </summary>
public sealed class ArgoTeardown(IKubernetes client, TimeProvider time, string argoNamespace = "argocd", string rootApplication = "app-of-apps") : IColourTeardown
{
    private const string Group = "argoproj.io";
    private const string Version = "v1alpha1";
    private const string Plural = "applications";

    /// <summary>Deletes the root Application with foreground propagation; true when it was there.</summary>
    public async Task<bool> DeleteRootAsync(CancellationToken cancellationToken)
    {
        try
        {
            await client.CustomObjects.DeleteNamespacedCustomObjectAsync(
                Group, Version, argoNamespace, Plural, rootApplication,
                new V1DeleteOptions { PropagationPolicy = "Foreground" },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    /// <summary>What is left now.</summary>
    public async Task<TeardownSnapshot> SnapshotAsync(CancellationToken cancellationToken)
    {
        var applications = await client.CustomObjects.ListNamespacedCustomObjectAsync<JsonElement>(Group, Version, argoNamespace, Plural, cancellationToken: cancellationToken).ConfigureAwait(false);
        List<(string Name, int SyncWave)> apps;
        try
        {
            apps = applications.GetProperty("items").EnumerateArray()
                .Select(ApplicationStatus.From)
                .Select(a => (a.Name, a.SyncWave))
                .ToList();
        }
        catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException)
        {
            throw new InvalidOperationException($"The Application list of namespace {argoNamespace} could not be read ({e.Message}); check the Argo CD CRD version (argoproj.io/v1alpha1) on the cluster.", e);
        }

        var ingresses = await client.NetworkingV1.ListIngressForAllNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        var services = await client.CoreV1.ListServiceForAllNamespacesAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        return new TeardownSnapshot(
            apps,
            ingresses.Items.Select(i => $"{i.Metadata.NamespaceProperty}/{i.Metadata.Name}").ToList(),
            services.Items.Where(s => s.Spec?.Type == "LoadBalancer").Select(s => $"{s.Metadata.NamespaceProperty}/{s.Metadata.Name}").ToList());
    }

    /// <summary>
    /// Polls until nothing is left, <paramref name="timeout"/> passes, or the load balancer controller is gone while
    /// an Ingress or LoadBalancer Service is left (<see cref="TeardownSnapshot.LoadBalancersOrphaned"/>); returns the
    /// last snapshot and the order problems seen (an Application that went while one of a higher wave was still there).
    /// </summary>
    public async Task<(TeardownSnapshot Left, IReadOnlyList<string> OrderProblems)> WaitGoneAsync(TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + timeout;
        var problems = new List<string>();
        var previous = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
        while (!previous.IsEmpty && !previous.LoadBalancersOrphaned && time.GetUtcNow() < deadline)
        {
            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            var now = await SnapshotAsync(cancellationToken).ConfigureAwait(false);
            foreach (var gone in previous.Applications.Except(now.Applications))
            {
                var higher = now.Applications.Where(a => a.Wave > gone.Wave && a.Name != rootApplication).ToList();
                if (higher.Count > 0)
                {
                    problems.Add($"Application {gone.Name} (wave {gone.Wave}) went before {string.Join(", ", higher.Select(h => $"{h.Name} (wave {h.Wave})"))}.");
                }
            }

            previous = now;
        }

        return (previous, problems);
    }
}
