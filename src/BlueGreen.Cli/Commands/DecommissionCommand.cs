using System.ComponentModel;
using BlueGreen.Aws.Decommission;
using BlueGreen.Aws.Preflight;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Notifications;
using BlueGreen.Core.Teardown;
using BlueGreen.Core.Traffic;
using BlueGreen.GitOps.Rendering;
using BlueGreen.Kubernetes.Access;
using BlueGreen.Kubernetes.Teardown;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen decommission &lt;colour&gt;</c>: ordered, verified teardown of a colour that no longer takes traffic.</summary>
[Description("Tear down a colour that has carried no traffic for the drain time, step by step (journaled, resumable): workloads, then their load balancers and records, then ExternalDNS, the load balancer controller and the root; then check the VPC, then the stack.")]
public sealed class DecommissionCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices services) : ConfigCommand<DecommissionCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>decommission</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<COLOUR>")]
        [Description("The colour to tear down.")]
        public string Colour { get; init; } = string.Empty;

        [CommandOption("--journal-bucket <NAME>")]
        [Description("The journal bucket; read from SSM /<env>/common/journal-bucket when left out.")]
        public string? JournalBucket { get; init; }

        [CommandOption("--zone-id <ID>")]
        [Description("The service zone's id; read from SSM /<env>/common/zone-id when left out.")]
        public string? ZoneId { get; init; }

        [CommandOption("--timeout <MINUTES>")]
        [Description("How long to wait for the cluster and the VPC to empty.")]
        [DefaultValue(20)]
        public int TimeoutMinutes { get; init; } = 20;

        [CommandOption("--destroy")]
        [Description("At the end, turn off the cluster's deletion protection and run `npx cdk destroy <env>-<colour>` instead of printing the commands.")]
        public bool Destroy { get; init; }

        [CommandOption("--dry-run")]
        [Description("Print the teardown's steps in order and stop: no AWS or Kubernetes call is made.")]
        public bool DryRun { get; init; }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        var cluster = config.Clusters.FirstOrDefault(c => c.Colour == settings.Colour)
            ?? throw new UserInputException($"No cluster has the colour '{settings.Colour}' in {settings.Config}. Known colours: {string.Join(", ", config.Clusters.Select(c => c.Colour))}.");
        if (settings.TimeoutMinutes < 1)
        {
            throw new UserInputException("--timeout must be at least 1 minute.");
        }

        var timeout = TimeSpan.FromMinutes(settings.TimeoutMinutes);
        var destroy = new ClusterStackDestroy(config, cluster);
        var destroyDescription = $"run {destroy.Describe()}.";
        if (settings.DryRun)
        {
            var outline = TeardownRunner.Describe(TeardownPlan.Outline(cluster.Colour, timeout, settings.Destroy, destroyDescription));
            var last = settings.Destroy ? null : $"Then print the destroy commands: {destroy.Describe()}";
            WriteDryRun(settings, cluster.Colour, [.. outline, .. last is null ? Array.Empty<string>() : [last]]);
            return ExitCodes.Ok;
        }

        var credentials = await services.Credentials.TryResolveAsync(cancellationToken)
            ?? throw new CommandFailedException("Decommissioning needs AWS credentials (environment, profile, SSO or role); none were found.");
        var options = await AwsModeOptionsResolver.ResolveAsync(config, settings.JournalBucket, settings.ZoneId, null, null, services, cancellationToken);

        using var s3 = services.S3(credentials, config.Region);
        using var ec2 = services.Ec2(credentials, config.Region);
        var elb = services.ElasticLoadBalancing(credentials, config.Region);
        var route53 = services.Route53(credentials, config.Region);
        using var kubernetes = CreateClient(cluster.Context);
        var root = Path.GetDirectoryName(Path.GetFullPath(settings.Config))!;
        var lines = new List<string>();
        try
        {
            var zone = options.ZoneId ?? await route53.FindPublicZoneIdAsync(config.Dns.ZoneName, cancellationToken)
                ?? throw new CommandFailedException($"No public hosted zone {config.Dns.ZoneName} was found; deploy the common stack or pass --zone-id.");
            var upgradeJournal = new S3JournalStore(s3, new S3StateLocation(options.JournalBucket, config.Environment));
            var entries = (await CutoverJournal.ReadAsync(upgradeJournal, cancellationToken)).Entries;
            var weights = await CurrentWeightsAsync(config, route53, zone, cancellationToken);
            if (DecommissionGuard.Refusal(entries, cluster.Colour, config.Traffic.Drain, Time.GetUtcNow(), weights) is { } refusal)
            {
                throw new CommandFailedException($"Refusing to decommission {cluster.Colour}: {refusal}");
            }

            Report(settings, lines, $"{cluster.Colour} has carried no traffic for at least the drain time ({config.Traffic.Drain.TotalSeconds:0} s).");
            if (await CloseRollbackWindowAsync(upgradeJournal, cluster.Colour, cancellationToken))
            {
                Report(settings, lines, $"The rollback window is closed: `bluegreen rollback` no longer moves traffic back to {cluster.Colour}.");
            }

            var leftovers = new LoadBalancerLeftovers(ec2);
            var cloud = new ColourCloudTeardown(
                cluster.Name,
                new ControllerLoadBalancers(elb),
                new ColourRecords(route53, zone, config.Dns.ColourHost(cluster.Colour), ExternalDnsOwner.IdOf(config, cluster.Colour)),
                leftovers,
                ct => leftovers.FindVpcAsync(SubnetCapacityCheck.CommonStackName(config), config.Network.VpcCidr, ct));
            var steps = TeardownPlan.Create(
                cluster.Colour,
                new ArgoTeardown(kubernetes),
                cloud,
                timeout,
                settings.Destroy ? ct => RunDestroyAsync(destroy, root, ct) : null,
                destroyDescription);
            var journal = new TeardownJournal(new S3JournalStore(s3, TeardownLocation(options.JournalBucket, config, cluster.Colour)));
            await new TeardownRunner(journal, Time, TimeSpan.FromSeconds(15), line => Report(settings, lines, line)).RunAsync(steps, cancellationToken);
        }
        catch (TeardownStepFailedException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
        catch (Exception e) when (AwsModeErrors.IsExpected(e))
        {
            throw new CommandFailedException(AwsModeErrors.Describe(e), e);
        }

        Report(settings, lines, settings.Destroy ? $"Destroyed the {cluster.Colour} cluster stack." : $"Ready to destroy the cluster stack: {destroy.Describe()}");
        await using (var notifications = new UpgradeNotifications(config, Console, Time))
        {
            var serving = config.Clusters.FirstOrDefault(c => c.Colour != cluster.Colour)?.Colour ?? string.Empty;
            var what = settings.Destroy ? "its stack destroyed" : "its stack ready for `cdk destroy`";
            notifications.Send(new Notification(NotificationKind.Decommissioned, config.Environment, cluster.Colour, serving, Time.GetUtcNow(), $"{cluster.Colour} ({cluster.Name}) of {config.Environment} was decommissioned: its workloads removed in order, no leftovers in the VPC, {what}."));
        }

        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new { ok = true, colour = cluster.Colour, destroyed = settings.Destroy, destroyCommand = destroy.Describe(), steps = lines });
        }

        return ExitCodes.Ok;
    }

    // The upgrade that moved traffic away from this colour ends its rollback window here, before anything is deleted.
    private async Task<bool> CloseRollbackWindowAsync(S3JournalStore store, string colour, CancellationToken cancellationToken)
    {
        var journal = await CutoverJournal.OpenAsync(store, cancellationToken);
        if (journal.State is not { Phase: CutoverPhase.Completed, Decommission: null } state || state.From != colour)
        {
            return false;
        }

        await journal.AppendAsync(new DecommissionStarted(colour) { At = Time.GetUtcNow() }, cancellationToken);
        return true;
    }

    /// <summary>The teardown journal of a colour: its own prefix beside the upgrade's journal, so the two never mix.</summary>
    public static S3StateLocation TeardownLocation(string bucket, EnvironmentConfig config, string colour)
    {
        ArgumentNullException.ThrowIfNull(config);
        return new S3StateLocation(bucket, $"{config.Environment}/teardown-{colour}");
    }

    private async Task RunDestroyAsync(ClusterStackDestroy destroy, string root, CancellationToken cancellationToken)
    {
        var exit = await destroy.RunAsync((file, arguments, token) => services.Run(file, arguments, root, token), cancellationToken);
        if (exit != 0)
        {
            throw new CommandFailedException($"{destroy.Describe()} exited with {exit}; see its output above, then run decommission again with --destroy.");
        }
    }

    private void WriteDryRun(Settings settings, string colour, IReadOnlyList<string> steps)
    {
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new { ok = true, colour, dryRun = true, steps });
            return;
        }

        Console.MarkupLineInterpolated($"Decommissioning {colour} would refuse unless {colour} has carried no traffic for the drain time, then run these steps (each journaled, resumable):");
        foreach (var step in steps)
        {
            Console.MarkupLineInterpolated($"  {step}");
        }

        Console.MarkupLine("Dry run: nothing was read or changed.");
    }

    private k8s.IKubernetes CreateClient(string context)
    {
        try
        {
            return services.Kubernetes.Create(context);
        }
        catch (KubeconfigException e)
        {
            throw new CommandFailedException(e.Message, e);
        }
    }

    private void Report(GlobalSettings settings, List<string> lines, string line)
    {
        lines.Add(line);
        if (settings.Output == OutputFormat.Text)
        {
            Console.MarkupLineInterpolated($"{line}");
        }
    }

    private static async Task<Weights?> CurrentWeightsAsync(EnvironmentConfig config, IRoute53Api route53, string zone, CancellationToken cancellationToken)
    {
        var router = new Route53WeightedRouter(
            route53,
            new AlbAliasTargets((_, _) => Task.FromResult<string?>(null)),
            new Route53RouterOptions { HostedZoneId = zone, RecordName = config.Dns.ZoneName, Colours = [.. config.Clusters.Select(c => c.Colour)] },
            TimeProvider.System);

        // Only the colours with a record: the guard must tell a missing record from weight 0; null when none.
        return await router.ReadRecordedWeightsAsync(cancellationToken);
    }
}
