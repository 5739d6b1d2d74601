namespace BlueGreen.GitOps.Components;

/// <summary>The Argo CD Applications every colour runs, for code that watches or tears them down.</summary>
public static class ApplicationCatalog
{
    /// <summary>Namespace of every Application.</summary>
    public const string Namespace = ArgoApplications.ArgoNamespace;

    /// <summary>The root Application of a colour.</summary>
    public const string Root = ArgoApplications.RootName;

    /// <summary>The child Applications in sync order (ascending wave).</summary>
    public static IReadOnlyList<CatalogedApplication> Children { get; } =
    [
        new(LoadBalancerController.Name, SyncWaves.LoadBalancerController, LoadBalancerController.Namespace),
        new(ExternalDns.Name, SyncWaves.ExternalDns, ExternalDns.Namespace),
        new(SampleApp.Name, SyncWaves.SampleApp, SampleApp.Namespace),
    ];

    /// <summary>The order a teardown deletes them in: children by descending wave, so the load balancer controller
    /// outlives the Ingress it must clean up, then the root.</summary>
    public static IReadOnlyList<string> TeardownOrder { get; } =
        [.. Children.OrderByDescending(c => c.Wave).Select(c => c.Name), Root];
}
