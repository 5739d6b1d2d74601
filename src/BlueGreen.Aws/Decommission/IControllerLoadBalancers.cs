namespace BlueGreen.Aws.Decommission;

/// <summary>The Elastic Load Balancing v2 objects a cluster's AWS Load Balancer Controller created, found by its tags.</summary>
public interface IControllerLoadBalancers
{
    /// <summary>Load balancers tagged <c>elbv2.k8s.aws/cluster=&lt;cluster&gt;</c>, each as a phrase naming it and its Ingress stack.</summary>
    Task<IReadOnlyList<string>> LoadBalancersAsync(string clusterName, CancellationToken cancellationToken);

    /// <summary>Target groups tagged so, each as a phrase naming it.</summary>
    Task<IReadOnlyList<string>> TargetGroupsAsync(string clusterName, CancellationToken cancellationToken);
}
