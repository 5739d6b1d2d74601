namespace BlueGreen.Kubernetes.Teardown;

/// <summary>What is still in a cluster that must go before its stack can be destroyed.</summary>
/// <param name="Applications">Argo CD Applications left, with their sync wave.</param>
/// <param name="Ingresses">Ingresses left, as namespace/name (each holds an ALB).</param>
/// <param name="LoadBalancerServices">Services of type LoadBalancer left, as namespace/name (each holds an NLB or CLB).</param>
public sealed record TeardownSnapshot(IReadOnlyList<(string Name, int Wave)> Applications, IReadOnlyList<string> Ingresses, IReadOnlyList<string> LoadBalancerServices)
{
    /// <summary>The Argo CD Application of the AWS Load Balancer Controller, which deletes the load balancers.</summary>
    public const string ControllerApplication = "aws-load-balancer-controller";

    public bool IsEmpty => Applications.Count == 0 && Ingresses.Count == 0 && LoadBalancerServices.Count == 0;

    /// <summary>
    /// True when the controller's Application is gone while an Ingress or LoadBalancer Service is left: nothing
    /// will delete their load balancers any more, so waiting longer cannot help.
    /// </summary>
    public bool LoadBalancersOrphaned =>
        (Ingresses.Count > 0 || LoadBalancerServices.Count > 0) && !Applications.Any(a => a.Name == ControllerApplication);

    /// <summary>Each remaining object as a phrase.</summary>
    public IEnumerable<string> Describe() =>
        Applications.Select(a => $"Application argocd/{a.Name} (wave {a.Wave})")
            .Concat(Ingresses.Select(i => $"Ingress {i}"))
            .Concat(LoadBalancerServices.Select(s => $"LoadBalancer Service {s}"));
}
