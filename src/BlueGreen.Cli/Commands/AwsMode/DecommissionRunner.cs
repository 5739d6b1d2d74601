using BlueGreen.Aws.Decommission;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Kubernetes.Teardown;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>
/// Ordered, verified decommissioning of a colour: refuse unless it has carried no traffic for the drain time;
/// delete its root app-of-apps (children go in reverse wave order); wait until no Ingress or LoadBalancer
/// Service is left in the cluster and no load balancer security group or interface is left in the VPC;
/// then print, or run, the stack's destroy command.
/// </summary>
public sealed class DecommissionRunner(TimeProvider time, Action<string> report)
{
    /// <summary>Runs the steps; throws <see cref="CommandFailedException"/> naming what blocks the teardown.</summary>
    public async Task RunAsync(string colour, TimeSpan drain, TimeSpan timeout, TimeSpan poll, string destroyCommand, bool destroy, DecommissionSteps steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var entries = await steps.ReadJournal(cancellationToken);
        var weights = await steps.CurrentWeights(cancellationToken);
        if (DecommissionGuard.Refusal(entries, colour, drain, time.GetUtcNow(), weights) is { } refusal)
        {
            throw new CommandFailedException($"Refusing to decommission {colour}: {refusal}");
        }

        report($"{colour} has carried no traffic for at least the drain time ({drain.TotalSeconds:0} s).");
        if (steps.CloseRollbackWindow is { } close)
        {
            await close(cancellationToken);
            report($"The rollback window is closed: `bluegreen rollback` no longer moves traffic back to {colour}.");
        }

        report(await steps.Teardown.DeleteRootAsync(cancellationToken)
            ? "Deleted the root Application with foreground cascade; waiting for its children in reverse wave order."
            : "The root Application is already gone; checking what is left.");

        var deadline = time.GetUtcNow() + timeout;
        var (left, order) = await steps.Teardown.WaitGoneAsync(timeout, poll, cancellationToken);
        foreach (var problem in order)
        {
            report($"Warning: {problem} The Ingress may have lost its controller before its ALB was deleted; the VPC check below will show it.");
        }

        if (left.LoadBalancersOrphaned)
        {
            throw new CommandFailedException($"The {TeardownSnapshot.ControllerApplication} Application is gone from the {colour} cluster while these are left: {string.Join("; ", left.Describe())}. Nothing will delete their load balancers now: reinstall the controller (bluegreen bootstrap {colour}) so it deletes them, or delete the load balancers and their security groups by hand, then run decommission again.");
        }

        if (!left.IsEmpty)
        {
            throw new CommandFailedException($"After {timeout.TotalMinutes:0} min these are still in the {colour} cluster: {string.Join("; ", left.Describe())}. Check the Argo CD and aws-load-balancer-controller logs, then run decommission again.");
        }

        report("No Application, Ingress or LoadBalancer Service is left in the cluster.");
        var leftovers = await steps.AwsLeftovers(cancellationToken);
        while (leftovers.Count > 0 && time.GetUtcNow() < deadline)
        {
            await Task.Delay(poll, time, cancellationToken);
            leftovers = await steps.AwsLeftovers(cancellationToken);
        }

        if (leftovers.Count > 0)
        {
            throw new CommandFailedException($"These load balancer resources of {colour} are still in the VPC and would block deleting its subnets: {string.Join("; ", leftovers)}. Delete them (EC2 console, or aws ec2 delete-security-group / delete-network-interface) and run decommission again.");
        }

        report("No load balancer security group or network interface of the cluster is left in the VPC.");
        if (!destroy)
        {
            report($"Ready to destroy the cluster stack: {destroyCommand}");
            return;
        }

        report($"Running {destroyCommand}");
        var exit = await steps.Destroy(cancellationToken);
        if (exit != 0)
        {
            throw new CommandFailedException($"{destroyCommand} exited with {exit}; see its output above, then run it again.");
        }

        report($"Destroyed the {colour} cluster stack.");
    }
}
