namespace BlueGreen.Core.Teardown;

/// <summary>The Kubernetes side of a colour's teardown: its Argo CD Applications and what they hold.</summary>
public interface IClusterTeardown
{
    /// <summary>Turns off the root Application's automated sync, so it does not recreate what is deleted; nothing when it is gone.</summary>
    Task DisableRootSyncAsync(CancellationToken cancellationToken);

    /// <summary>Whether the root Application still syncs by itself.</summary>
    Task<bool> RootSyncsAutomaticallyAsync(CancellationToken cancellationToken);

    /// <summary>The Applications other than the root and the named controllers, i.e. the workloads.</summary>
    Task<IReadOnlyList<string>> ApplicationsExceptAsync(IReadOnlyCollection<string> kept, CancellationToken cancellationToken);

    /// <summary>Deletes an Application with foreground cascade (its resources first); nothing when it is gone.</summary>
    Task DeleteApplicationAsync(string name, CancellationToken cancellationToken);

    /// <summary>Of <paramref name="names"/>, those still there; every Application when null.</summary>
    Task<IReadOnlyList<string>> ApplicationsLeftAsync(IReadOnlyCollection<string>? names, CancellationToken cancellationToken);

    /// <summary>Ingresses and Services of type LoadBalancer left, each as a phrase ("Ingress app/sample-app").</summary>
    Task<IReadOnlyList<string>> LoadBalancedObjectsAsync(CancellationToken cancellationToken);
}
