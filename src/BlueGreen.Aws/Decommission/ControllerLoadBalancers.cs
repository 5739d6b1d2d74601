using BlueGreen.Aws.LoadBalancing;

namespace BlueGreen.Aws.Decommission;

/// <summary>
/// The load balancers and target groups a cluster's AWS Load Balancer Controller created, found by the tags it puts on
/// them: <c>elbv2.k8s.aws/cluster=&lt;cluster&gt;</c>, and <c>ingress.k8s.aws/stack</c> naming the Ingress (or group) it serves.
/// DescribeLoadBalancers has no tag filter, so the region's are listed and their tags read 20 at a time.
/// </summary>
public sealed class ControllerLoadBalancers(ElasticLoadBalancingClient elb) : IControllerLoadBalancers
{
    /// <summary>The tag naming the Ingress stack (namespace/name, or the group name) a load balancer serves.</summary>
    public const string StackTag = "ingress.k8s.aws/stack";

    public async Task<IReadOnlyList<string>> LoadBalancersAsync(string clusterName, CancellationToken cancellationToken) =>
        [.. (await FindAsync(clusterName, cancellationToken).ConfigureAwait(false)).Select(f => $"load balancer {f.LoadBalancer.Name} ({f.LoadBalancer.Type}, {f.LoadBalancer.State}{(f.Stack is null ? string.Empty : $", Ingress stack {f.Stack}")}) tagged {LoadBalancerLeftovers.ClusterTag}={clusterName}")];

    /// <summary>The cluster's load balancers with the Ingress stack each serves (null when untagged).</summary>
    public async Task<IReadOnlyList<(LoadBalancer LoadBalancer, string? Stack)>> FindAsync(string clusterName, CancellationToken cancellationToken)
    {
        var all = await elb.DescribeAllAsync(cancellationToken).ConfigureAwait(false);
        var tags = await TagsAsync([.. all.Select(lb => lb.Arn)], cancellationToken).ConfigureAwait(false);
        return [.. all.Where(lb => IsOf(tags, lb.Arn, clusterName)).Select(lb => (lb, tags[lb.Arn].TryGetValue(StackTag, out var stack) ? stack : null))];
    }

    public async Task<IReadOnlyList<string>> TargetGroupsAsync(string clusterName, CancellationToken cancellationToken)
    {
        var all = await elb.DescribeAllTargetGroupsAsync(cancellationToken).ConfigureAwait(false);
        var tags = await TagsAsync([.. all.Select(tg => tg.Arn)], cancellationToken).ConfigureAwait(false);
        return
        [
            .. all.Where(tg => IsOf(tags, tg.Arn, clusterName))
                .Select(tg => $"target group {tg.Name}{Stack(tags, tg.Arn)} tagged {LoadBalancerLeftovers.ClusterTag}={clusterName}"),
        ];
    }

    private async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> TagsAsync(IReadOnlyList<string> arns, CancellationToken cancellationToken) =>
        arns.Count == 0 ? new Dictionary<string, IReadOnlyDictionary<string, string>>() : await elb.DescribeTagsOfAllAsync(arns, cancellationToken).ConfigureAwait(false);

    private static bool IsOf(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags, string arn, string clusterName) =>
        tags.TryGetValue(arn, out var mine) && mine.TryGetValue(LoadBalancerLeftovers.ClusterTag, out var cluster) && cluster == clusterName;

    private static string Stack(IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>> tags, string arn) =>
        tags[arn].TryGetValue(StackTag, out var stack) ? $", Ingress stack {stack}" : string.Empty;
}
