using BlueGreen.Core.Teardown;

namespace BlueGreen.Core.Tests.Teardown;

/// <summary>
/// A colour's cluster and cloud as sets of what exists, behaving as the controllers do: deleting the workloads
/// removes their Ingress, and the load balancer and records go with it only while both controllers run.
/// Records every call.
/// </summary>
internal sealed class FakeColour : IClusterTeardown, ICloudTeardown
{
    public List<string> Calls { get; } = [];

    public HashSet<string> Applications { get; } = ["app-of-apps", "external-dns", "aws-load-balancer-controller", "sample-app"];

    public bool RootSync { get; set; } = true;

    public HashSet<string> Ingresses { get; } = ["Ingress app/sample-app"];

    public HashSet<string> LoadBalancers { get; } = ["load balancer k8s-app-sample-1"];

    public HashSet<string> Records { get; } = ["record blue.test.example.com. A"];

    public HashSet<string> Network { get; } = [];

    /// <summary>Thrown by the next delete of this Application, as a process killed in the middle would stop.</summary>
    public string? CrashOnDelete { get; set; }

    public Task DisableRootSyncAsync(CancellationToken cancellationToken)
    {
        Calls.Add("sync off");
        RootSync = false;
        return Task.CompletedTask;
    }

    public Task<bool> RootSyncsAutomaticallyAsync(CancellationToken cancellationToken) => Task.FromResult(RootSync && Applications.Contains("app-of-apps"));

    public Task<IReadOnlyList<string>> ApplicationsExceptAsync(IReadOnlyCollection<string> kept, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Applications.Where(a => !kept.Contains(a)).Order(StringComparer.Ordinal)]);

    public Task DeleteApplicationAsync(string name, CancellationToken cancellationToken)
    {
        if (CrashOnDelete == name)
        {
            CrashOnDelete = null;
            throw new OperationCanceledException("killed");
        }

        Calls.Add("delete " + name);
        if (name == "app-of-apps" && RootSync)
        {
            throw new InvalidOperationException("The root was deleted while it still synced.");
        }

        Applications.Remove(name);
        if (name == "sample-app")
        {
            Ingresses.Clear();
            if (Applications.Contains("aws-load-balancer-controller"))
            {
                LoadBalancers.Clear();
            }

            if (Applications.Contains("external-dns"))
            {
                Records.Clear();
            }
        }

        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<string>> ApplicationsLeftAsync(IReadOnlyCollection<string>? names, CancellationToken cancellationToken) =>
        Task.FromResult<IReadOnlyList<string>>([.. Applications.Where(a => names is null || names.Contains(a)).Order(StringComparer.Ordinal)]);

    public Task<IReadOnlyList<string>> LoadBalancedObjectsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Ingresses]);

    public Task<IReadOnlyList<string>> LoadBalancersAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. LoadBalancers]);

    public Task<IReadOnlyList<string>> ColourRecordsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Records]);

    public Task<IReadOnlyList<string>> NetworkLeftoversAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>([.. Network]);
}
