namespace BlueGreen.Kubernetes.Teardown;

/// <summary>What is still in a cluster that must go before its stack can be destroyed.</summary>
/// <param name="Applications">Argo CD Applications left, with their sync wave.</param>
/// <param name="Ingresses">Ingresses left, as namespace/name (each holds an ALB).</param>
/// <param name="LoadBalancerServices">Services of type LoadBalancer left, as namespace/name (each holds an NLB or CLB).</param>
public sealed record TeardownSnapshot(IReadOnlyList<(string Name, int Wave)> Applications, IReadOnlyList<string> Ingresses, IReadOnlyList<string> LoadBalancerServices)
{
    public bool IsEmpty => Applications.Count == 0 && Ingresses.Count == 0 && LoadBalancerServices.Count == 0;

    /// <summary>Each remaining object as a phrase.</summary>
    public IEnumerable<string> Describe() =>
        Applications.Select(a => $"Application argocd/{a.Name} (wave {a.Wave})")
            .Concat(Ingresses.Select(i => $"Ingress {i}"))
            .Concat(LoadBalancerServices.Select(s => $"LoadBalancer Service {s}"));
}
