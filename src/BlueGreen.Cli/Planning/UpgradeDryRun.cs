using System.Text.Json.Nodes;
using BlueGreen.Aws.Route53;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Teardown;
using BlueGreen.Core.Traffic;
using BlueGreen.Infrastructure;
using BlueGreen.Sandbox.Rehearsal;
using Spectre.Console;

namespace BlueGreen.Cli.Planning;

/// <summary>
/// <c>upgrade --dry-run</c>: the plan the engine would run, from the configuration alone. Nothing is opened, locked,
/// read or written: no journal, no AWS call, no cluster.
/// </summary>
public static class UpgradeDryRun
{
    public static int Print(IAnsiConsole console, EnvironmentConfig config, UpgradeSettings settings)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(settings);
        var target = settings.TargetOf(config);
        CutoverPlan plan;
        try
        {
            plan = target == Target.Sandbox ? SandboxPlan.Create(config) : PlanFactory.Create(config);
        }
        catch (PlanException e)
        {
            throw new UserInputException(e.Message, e);
        }

        var preview = PlanPreview.Of(plan, config.Clusters.Select(c => c.Colour));
        var record = target == Target.Sandbox ? config.Sandbox.Zone : config.Dns.ZoneName;
        var zone = target == Target.Sandbox
            ? "the sandbox's DNS server"
            : settings.ZoneId ?? $"the zone whose id is in SSM /{config.Environment}/common/zone-id";
        var decommission = Decommission(config, plan);

        // Plain lines, never wrapped: the batch below must stay a document a shell can pass on.
        var output = console.Profile.Out.Writer;

        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(console, new
            {
                dryRun = true,
                changed = false,
                target,
                record,
                zone,
                from = plan.From,
                to = plan.To,
                weightScale = plan.WeightScale,
                duration = Duration.Format(preview.Duration),
                stages = preview.Stages.Select(s => new
                {
                    number = s.Number,
                    kind = s.Kind,
                    percent = s.Percent,
                    weights = s.Weights,
                    hold = Duration.Format(s.Hold),
                    setsWeights = s.SetsWeights,
                    description = s.Description,
                    changeBatch = target == Target.Aws && s.SetsWeights ? Batch(config, record, s.Weights) : null,
                }),
                gates = Gates(plan.Gates),
                decommission,
            });
            return ExitCodes.Ok;
        }

        output.WriteLine($"Dry run: nothing is changed. The upgrade would move {record} ({Describe(target)}, {zone}) from {plan.From} to {plan.To}, weights out of {plan.WeightScale}.");
        output.WriteLine();
        foreach (var stage in preview.Stages)
        {
            var weights = string.Join(" ", preview.Colours.Select(c => $"{c}={stage.Weights[c]}"));
            var label = stage.Number == 0 ? "verify" : stage.Kind == "drain" ? "drain" : $"step {stage.Number}";
            output.WriteLine($"  {label,-8} {stage.Percent,3} %  {weights}  {(stage.SetsWeights ? "sets weights" : "holds"),-12}  {Duration.Format(stage.Hold),-6}  {stage.Description}");
        }

        output.WriteLine();
        output.WriteLine($"Without waits for approvals, the plan takes at least {Duration.Format(preview.Duration)} when every interval passes.");
        var g = plan.Gates;
        output.WriteLine(
            $"Gates, every {Duration.Format(g.Interval)} on the candidate: success rate at least {g.MinSuccessRate} %, p99 at most {Duration.Format(g.MaxP99)}, "
            + $"at least {g.MinRequests} requests for a verdict; {g.FailureThreshold} failing intervals in a row roll back, {g.InconclusiveLimit} inconclusive ones pause; "
            + $"a degrading live colour: {g.LiveDegradation.ToString().ToLowerInvariant()}.");
        if (target == Target.Aws)
        {
            output.WriteLine("Each stage that sets weights sends one Route53 change batch (UPSERT of every record, never DELETE) and waits until it is INSYNC. The first share step's batch, as `aws route53 change-resource-record-sets --change-batch` takes it:");
            var first = preview.Stages.First(s => s.Kind == "share");
            output.WriteLine(Batch(config, record, first.Weights).ToJsonString(JsonOutput.Options));
        }

        output.WriteLine($"Afterwards, `bluegreen decommission {plan.From}` ({decommission.Refuses}):");
        foreach (var step in decommission.Deletes)
        {
            output.WriteLine($"  {step}");
        }

        return ExitCodes.Ok;
    }

    private static string Describe(Target target) => target == Target.Sandbox ? "sandbox" : "Route53";

    private static object Gates(GatesConfig g) => new
    {
        interval = Duration.Format(g.Interval),
        minSuccessRate = g.MinSuccessRate,
        maxP99 = Duration.Format(g.MaxP99),
        minRequests = g.MinRequests,
        failureThreshold = g.FailureThreshold,
        inconclusiveLimit = g.InconclusiveLimit,
        verification = Duration.Format(g.Verification),
        liveDegradation = g.LiveDegradation,
    };

    // The records as the Route53 router writes them. A load balancer's DNS name is looked up from the colour's
    // Ingress when the step runs, so a dry run names it instead of inventing one.
    private static JsonObject Batch(EnvironmentConfig config, string record, IReadOnlyDictionary<string, int> weights)
    {
        var zone = LoadBalancerHostedZones.ForApplicationLoadBalancer(config.Region);
        var records = weights.Select(w => new WeightedRecord(record, "A", w.Key, w.Value, new AliasTarget(zone, $"<the {w.Key} cluster's Ingress load balancer>")));
        return ChangeBatchDocument.For(records, ChangeBatchDocument.Comment(new Weights(weights)));
    }

    // The same ordered steps `decommission --dry-run` lists, with its default timeout; the stack's destroy printed at the end.
    private static DecommissionPreview Decommission(EnvironmentConfig config, CutoverPlan plan)
    {
        var old = config.Clusters.First(c => c.Colour == plan.From);
        var destroy = new ClusterStackDestroy(config, old);
        var steps = TeardownRunner.Describe(TeardownPlan.Outline(plan.From, TimeSpan.FromMinutes(20), withDestroy: false, $"run {destroy.Describe()}."));
        return new DecommissionPreview(
            plan.From,
            $"it refuses until {plan.From} has had weight 0 for the drain, {Duration.Format(plan.Drain)}",
            [.. steps, $"then the stack {StackNames.Cluster(config.Environment, plan.From)}: {destroy.Describe()} (printed, or run with --destroy)"]);
    }

    private sealed record DecommissionPreview(string Colour, string Refuses, IReadOnlyList<string> Deletes);
}
