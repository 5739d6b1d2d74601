using System.Net;
using System.Text.Json;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Text;
using BlueGreen.Kubernetes.Access;
using BlueGreen.Kubernetes.ArgoCd;
using k8s;
using k8s.Autorest;
using k8s.Models;

namespace BlueGreen.Kubernetes.Clusters;

/// <summary>
/// A colour is ready when its root and child Argo CD Applications are Synced and Healthy (those from the GitOps
/// repository at the expected revision, Helm chart ones at the pinned chart version), every Deployment of the app
/// namespace has finished its rollout, and its Ingress has an ALB hostname.
/// </summary>
public sealed class KubernetesClusterProbe : IClusterProbe
{
    private const string ArgoGroup = "argoproj.io";
    private const string ArgoVersion = "v1alpha1";
    private const string ApplicationsPlural = "applications";

    private readonly IKubernetesClientFactory _clients;
    private readonly ClusterProbeOptions _options;

    public KubernetesClusterProbe(IKubernetesClientFactory clients, ClusterProbeOptions options)
    {
        ArgumentNullException.ThrowIfNull(clients);
        ArgumentNullException.ThrowIfNull(options);
        _clients = clients;
        _options = options;
    }

    public async Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken)
    {
        IKubernetes client;
        try
        {
            client = _clients.Create(Context(colour));
        }
        catch (KubeconfigException e)
        {
            return ClusterReadiness.No(e.Message);
        }

        using (client)
        {
            try
            {
                var problems = new List<string>();
                await CheckApplicationsAsync(client, problems, cancellationToken).ConfigureAwait(false);
                await CheckDeploymentsAsync(client, problems, cancellationToken).ConfigureAwait(false);
                var hostnames = await IngressHostnamesAsync(client, problems, cancellationToken).ConfigureAwait(false);
                if (hostnames.Count == 0 && !problems.Any(p => p.StartsWith("Ingress", StringComparison.Ordinal)))
                {
                    problems.Add($"No Ingress in namespace {_options.AppNamespace}; Argo CD has not created the app's Ingress yet.");
                }

                return problems.Count == 0 ? ClusterReadiness.Yes : new ClusterReadiness(false, problems);
            }
            catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
            {
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) refused access ({(int)e.Response.StatusCode}): check that your IAM principal has an EKS access entry on the cluster and that the token in the kubeconfig is current.");
            }
            catch (HttpOperationException e)
            {
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) answered {(int)e.Response.StatusCode} to {e.Request.Method} {e.Request.RequestUri?.AbsolutePath}; check the API server's health.");
            }
            catch (HttpRequestException e)
            {
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) is not reachable: {e.Message}");
            }
            catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
            {
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) probe failed: the API server did not answer in time ({e.Message}).");
            }
            catch (Exception e) when (e is FormatException or KeyNotFoundException or InvalidOperationException or JsonException)
            {
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) probe failed: an answer of the API server could not be read ({e.Message}).");
            }
            catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or System.ComponentModel.Win32Exception)
            {
                // The exec credential plugin (aws eks get-token) is missing or failed.
                return ClusterReadiness.No($"The {colour} cluster (context {Context(colour)}) gave no token: {Sentences.Clause(e.Message)}. Check that `aws eks get-token` works.");
            }
        }
    }

    /// <summary>The ALB hostname of the colour's Ingress, or null while it has none.</summary>
    public async Task<string?> GetIngressHostnameAsync(string colour, CancellationToken cancellationToken)
    {
        using var client = _clients.Create(Context(colour));
        var hostnames = await IngressHostnamesAsync(client, [], cancellationToken).ConfigureAwait(false);
        return hostnames.Count switch
        {
            0 => null,
            1 => hostnames[0],
            _ => throw new InvalidOperationException($"The {colour} cluster has {hostnames.Count} Ingress load balancers in namespace {_options.AppNamespace} ({string.Join(", ", hostnames)}); the service name can point at only one. Give the Ingresses one alb.ingress.kubernetes.io/group.name."),
        };
    }

    private string Context(string colour) =>
        _options.Contexts.TryGetValue(colour, out var context)
            ? context
            : throw new ArgumentException($"No kubeconfig context is configured for the colour '{colour}'. Known colours: {string.Join(", ", _options.Contexts.Keys)}.", nameof(colour));

    private async Task CheckApplicationsAsync(IKubernetes client, List<string> problems, CancellationToken cancellationToken)
    {
        var root = await ReadApplicationAsync(client, _options.RootApplication, cancellationToken).ConfigureAwait(false);
        if (root is null)
        {
            problems.Add($"Application {_options.ArgoCdNamespace}/{_options.RootApplication} does not exist; run `bluegreen bootstrap <colour>`.");
            return;
        }

        CheckApplication(root, problems);
        if (root.ChildApplications.Count == 0)
        {
            problems.Add($"Application {root.Name} lists no child Applications yet.");
        }

        foreach (var childName in root.ChildApplications)
        {
            var child = await ReadApplicationAsync(client, childName, cancellationToken).ConfigureAwait(false);
            if (child is null)
            {
                problems.Add($"Application {_options.ArgoCdNamespace}/{childName} is listed by {root.Name} but does not exist yet.");
                continue;
            }

            CheckApplication(child, problems);
        }
    }

    private void CheckApplication(ApplicationStatus application, List<string> problems)
    {
        if (!application.SyncedAndHealthy)
        {
            problems.Add($"Application {application.Name} is {application.SyncStatus}/{application.HealthStatus}, not Synced/Healthy.");
        }

        if (application.Chart is { } chart)
        {
            // A Helm chart source names a chart version, not a Git revision of the rendered tree.
            if (_options.ChartVersions.TryGetValue(chart, out var version) && application.TargetRevision != version)
            {
                problems.Add($"Application {application.Name} installs chart {chart} {application.TargetRevision ?? "(no version)"}, not the configured {version}.");
            }

            return;
        }

        if (!SameRepository(application.RepoUrl, _options.RepoUrl))
        {
            return;
        }

        if (application.TargetRevision is { } target && target != _options.TargetRevision)
        {
            problems.Add($"Application {application.Name} targets revision '{target}', not '{_options.TargetRevision}' (gitops.revision).");
        }

        if (_options.ExpectedCommit is { } commit && application.SyncedRevision != commit)
        {
            problems.Add($"Application {application.Name} is at commit {application.SyncedRevision ?? "(none)"}, not {commit}.");
        }
    }

    // Argo CD accepts a repository URL with or without .git and a trailing slash.
    private static bool SameRepository(string? a, string b) =>
        a is not null && string.Equals(Normalise(a), Normalise(b), StringComparison.OrdinalIgnoreCase);

    private static string Normalise(string url)
    {
        var trimmed = url.Trim().TrimEnd('/');
        return trimmed.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? trimmed[..^4] : trimmed;
    }

    private async Task<ApplicationStatus?> ReadApplicationAsync(IKubernetes client, string name, CancellationToken cancellationToken)
    {
        try
        {
            var application = await client.CustomObjects.GetNamespacedCustomObjectAsync<JsonElement>(ArgoGroup, ArgoVersion, _options.ArgoCdNamespace, ApplicationsPlural, name, cancellationToken).ConfigureAwait(false);
            return ApplicationStatus.From(application);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task CheckDeploymentsAsync(IKubernetes client, List<string> problems, CancellationToken cancellationToken)
    {
        var deployments = await client.AppsV1.ListNamespacedDeploymentAsync(_options.AppNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        if (deployments.Items.Count == 0)
        {
            problems.Add($"No Deployment in namespace {_options.AppNamespace}; Argo CD has not created the app yet.");
        }

        foreach (var deployment in deployments.Items)
        {
            if (DeploymentProblem(deployment) is { } problem)
            {
                problems.Add(problem);
            }
        }
    }

    private static string? DeploymentProblem(V1Deployment deployment)
    {
        var name = $"{deployment.Metadata.NamespaceProperty}/{deployment.Metadata.Name}";
        var wanted = deployment.Spec?.Replicas ?? 1;
        var status = deployment.Status;
        if (status is null || (status.ObservedGeneration ?? 0) < (deployment.Metadata.Generation ?? 0))
        {
            return $"Deployment {name} has not been observed at its latest generation yet.";
        }

        // The rules of `kubectl rollout status`: the Available condition alone is also true mid-rollout,
        // while old pods still serve.
        var progressing = status.Conditions?.FirstOrDefault(c => c.Type == "Progressing");
        if (progressing?.Reason == "ProgressDeadlineExceeded")
        {
            return $"Deployment {name} exceeded its progress deadline: {progressing.Message ?? "no message"}";
        }

        var available = status.Conditions?.FirstOrDefault(c => c.Type == "Available");
        if (available?.Status != "True")
        {
            return $"Deployment {name} is not Available ({available?.Reason ?? "no condition"}).";
        }

        var updated = status.UpdatedReplicas ?? 0;
        var total = status.Replicas ?? 0;
        var ready = status.AvailableReplicas ?? 0;
        if (updated < wanted)
        {
            return $"Deployment {name} is rolling out: {updated} of {wanted} replicas updated.";
        }

        if (total > updated)
        {
            return $"Deployment {name} is rolling out: {total - updated} old replicas are still running.";
        }

        if (ready < updated)
        {
            return $"Deployment {name} has {ready} of {updated} updated replicas available.";
        }

        return null;
    }

    private async Task<List<string>> IngressHostnamesAsync(IKubernetes client, List<string> problems, CancellationToken cancellationToken)
    {
        var ingresses = await client.NetworkingV1.ListNamespacedIngressAsync(_options.AppNamespace, cancellationToken: cancellationToken).ConfigureAwait(false);
        var hostnames = new List<string>();
        foreach (var ingress in ingresses.Items)
        {
            var hostname = ingress.Status?.LoadBalancer?.Ingress?.Select(i => i.Hostname).FirstOrDefault(h => !string.IsNullOrEmpty(h));
            if (hostname is null)
            {
                problems.Add($"Ingress {_options.AppNamespace}/{ingress.Metadata.Name} has no load balancer hostname yet; the load balancer controller has not provisioned its ALB.");
                continue;
            }

            if (!hostname.Contains(".elb.amazonaws.com", StringComparison.OrdinalIgnoreCase))
            {
                problems.Add($"Ingress {_options.AppNamespace}/{ingress.Metadata.Name} has the hostname {hostname}, which is not an ALB's; is its ingressClassName alb?");
                continue;
            }

            if (!hostnames.Contains(hostname, StringComparer.OrdinalIgnoreCase))
            {
                hostnames.Add(hostname);
            }
        }

        return hostnames;
    }
}
