namespace BlueGreen.Core.Teardown;

/// <summary>
/// The order a colour is torn down in, so that every controller is still running while what it created is
/// deleted: the load balancer controller deletes the ALB of an Ingress, ExternalDNS the colour's records, and a
/// controller removed first leaves them behind (kubernetes/kops#4689, external-dns#1758).
/// </summary>
public static class TeardownPlan
{
    /// <summary>The Argo CD Application of ExternalDNS.</summary>
    public const string ExternalDnsApplication = "external-dns";

    /// <summary>The Argo CD Application of the AWS Load Balancer Controller.</summary>
    public const string LoadBalancerControllerApplication = "aws-load-balancer-controller";

    /// <summary>The root app-of-apps.</summary>
    public const string RootApplication = "app-of-apps";

    /// <summary>
    /// The steps in order. With <paramref name="destroy"/> the last step runs the stack's destroy (and throws when it
    /// fails); without it there is no such step and the caller prints the commands, so a later run with it still destroys.
    /// </summary>
    public static IReadOnlyList<TeardownStep> Create(string colour, IClusterTeardown cluster, ICloudTeardown cloud, TimeSpan timeout, Func<CancellationToken, Task>? destroy, string destroyDescription)
    {
        ArgumentNullException.ThrowIfNull(cluster);
        ArgumentNullException.ThrowIfNull(cloud);
        IReadOnlyCollection<string> kept = [RootApplication, ExternalDnsApplication, LoadBalancerControllerApplication];
        var reinstall = $"If a controller is gone too early, reinstall it (bluegreen bootstrap {colour}) or delete what it left by hand.";
        List<TeardownStep> steps =
        [
            new("root-sync-off", $"turn off automated sync of the root Application argocd/{RootApplication}, so it recreates nothing deleted below.", timeout,
                cluster.DisableRootSyncAsync,
                async ct => await cluster.RootSyncsAutomaticallyAsync(ct).ConfigureAwait(false) ? [$"Application argocd/{RootApplication} still has automated sync"] : [],
                "Check that the caller may patch Applications in namespace argocd."),
            new("delete-workloads", "delete the workload Applications (every one but the root and the two controllers) with foreground cascade, and wait until no Ingress or LoadBalancer Service is left.", timeout,
                async ct =>
                {
                    foreach (var name in await cluster.ApplicationsExceptAsync(kept, ct).ConfigureAwait(false))
                    {
                        await cluster.DeleteApplicationAsync(name, ct).ConfigureAwait(false);
                    }
                },
                async ct => [.. (await cluster.ApplicationsExceptAsync(kept, ct).ConfigureAwait(false)).Select(a => $"Application argocd/{a}"), .. await cluster.LoadBalancedObjectsAsync(ct).ConfigureAwait(false)],
                "Check the Argo CD application controller's log for the Application's finalizer."),
            new("load-balancers-and-records-gone", "wait until the load balancer controller has deleted the colour's load balancers and ExternalDNS its records.", timeout,
                null,
                async ct => [.. await cloud.LoadBalancersAsync(ct).ConfigureAwait(false), .. await cloud.ColourRecordsAsync(ct).ConfigureAwait(false)],
                $"Check the aws-load-balancer-controller and external-dns logs in the {colour} cluster."),
            DeleteApplication("delete-external-dns", ExternalDnsApplication, cluster, timeout, reinstall),
            DeleteApplication("delete-load-balancer-controller", LoadBalancerControllerApplication, cluster, timeout, reinstall),
            new("delete-root", $"delete the root Application argocd/{RootApplication}; no Application may be left.", timeout,
                ct => cluster.DeleteApplicationAsync(RootApplication, ct),
                async ct => [.. (await cluster.ApplicationsLeftAsync(null, ct).ConfigureAwait(false)).Select(a => $"Application argocd/{a}")],
                "Check the Argo CD application controller's log."),
            new("leftovers", "check that no network interface, security group, target group or record of the colour is left.", timeout,
                null,
                async ct => [.. await cloud.NetworkLeftoversAsync(ct).ConfigureAwait(false), .. await cloud.ColourRecordsAsync(ct).ConfigureAwait(false)],
                "Delete them (EC2 console, or aws ec2 delete-network-interface / delete-security-group, aws elbv2 delete-target-group, aws route53 change-resource-record-sets); they block deleting the subnets."),
        ];
        if (destroy is not null)
        {
            steps.Add(new("destroy-stack", destroyDescription, timeout, destroy, _ => Task.FromResult<IReadOnlyList<string>>([]), string.Empty));
        }

        return steps;
    }

    /// <summary>The steps <see cref="Create"/> gives, for <c>--dry-run</c>: listed, never run.</summary>
    public static IReadOnlyList<TeardownStep> Outline(string colour, TimeSpan timeout, bool withDestroy, string destroyDescription)
    {
        var unreachable = new NotReached();
        return Create(colour, unreachable, unreachable, timeout, withDestroy ? _ => throw new InvalidOperationException("A dry run runs nothing.") : null, destroyDescription);
    }

    private static TeardownStep DeleteApplication(string id, string application, IClusterTeardown cluster, TimeSpan timeout, string reinstall) =>
        new(id, $"delete the Application argocd/{application} with foreground cascade.", timeout,
            ct => cluster.DeleteApplicationAsync(application, ct),
            async ct => [.. (await cluster.ApplicationsLeftAsync([application], ct).ConfigureAwait(false)).Select(a => $"Application argocd/{a}")],
            reinstall);

    /// <summary>The cluster and cloud of a dry run: any call is a bug, since a dry run must change and read nothing.</summary>
    private sealed class NotReached : IClusterTeardown, ICloudTeardown
    {
        public Task DisableRootSyncAsync(CancellationToken cancellationToken) => throw Reached();

        public Task<bool> RootSyncsAutomaticallyAsync(CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> ApplicationsExceptAsync(IReadOnlyCollection<string> kept, CancellationToken cancellationToken) => throw Reached();

        public Task DeleteApplicationAsync(string name, CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> ApplicationsLeftAsync(IReadOnlyCollection<string>? names, CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> LoadBalancedObjectsAsync(CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> LoadBalancersAsync(CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> ColourRecordsAsync(CancellationToken cancellationToken) => throw Reached();

        public Task<IReadOnlyList<string>> NetworkLeftoversAsync(CancellationToken cancellationToken) => throw Reached();

        private static InvalidOperationException Reached() => new("A dry run reads and changes nothing.");
    }
}
