using System.Globalization;

namespace BlueGreen.GitOps.Components;

/// <summary>Argo CD sync waves of the child Applications: synced in ascending order; a teardown goes in descending order.</summary>
public static class SyncWaves
{
    /// <summary>First up, last down: it must outlive the Ingress whose load balancer it deletes.</summary>
    public const int LoadBalancerController = -1;

    /// <summary>Publishes the colour's hostname once the load balancer exists.</summary>
    public const int ExternalDns = 0;

    /// <summary>The workload and its Ingress, once both controllers run.</summary>
    public const int SampleApp = 1;

    /// <summary>The annotation value of a wave.</summary>
    public static string Format(int wave) => wave.ToString(CultureInfo.InvariantCulture);
}
