using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Configuration.Data;
using BlueGreen.Core.Plans;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen validate</c>: checks the configuration and summarizes the environment.</summary>
[Description("Check bluegreen.yaml and print a summary of the environment.")]
public sealed class ValidateCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<GlobalSettings>(console, timeProvider)
{
    protected override Task<int> ExecuteAsync(EnvironmentConfig config, GlobalSettings settings, CancellationToken cancellationToken)
    {
        var today = DateOnly.FromDateTime(Time.GetUtcNow().UtcDateTime);
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new
            {
                ok = true,
                file = settings.Config,
                environment = config.Environment,
                region = config.Region,
                target = config.Target,
                serviceHost = config.Dns.ZoneName,
                clusters = config.Clusters.Select(c => new
                {
                    c.Colour,
                    c.Name,
                    c.Version,
                    support = EksVersions.Find(c.Version)?.SupportOn(today),
                    live = c.Colour == config.Traffic.Live,
                    nodes = new { c.NodeGroup.MinSize, c.NodeGroup.DesiredSize, c.NodeGroup.MaxSize, c.NodeGroup.InstanceTypes },
                }),
                plan = new
                {
                    from = config.LiveCluster.Colour,
                    to = config.CandidateCluster.Colour,
                    steps = config.Traffic.Steps.Select(Describe),
                    drain = Duration.Format(config.Traffic.Drain),
                },
                warnings = Warnings.Select(w => new { w.File, w.Line, w.Column, path = w.KeyPath, w.Message, w.Hint, w.BlocksAws }),
            });
            return Task.FromResult(ExitCodes.Ok);
        }

        Console.MarkupLineInterpolated($"[green]{settings.Config} is valid.[/] Environment [bold]{config.Environment}[/] in {config.Region}, target {config.Target.ToString().ToLowerInvariant()}, users call [bold]{config.Dns.ZoneName}[/].");
        var clusters = new Table().Border(TableBorder.Rounded)
            .AddColumns("Colour", "Cluster", "Kubernetes", "Support", "Nodes (min/desired/max)", "Instance types", "Role");
        foreach (var c in config.Clusters)
        {
            var support = EksVersions.Find(c.Version)?.SupportOn(today);
            clusters.AddRow(
                Markup.Escape(c.Colour),
                Markup.Escape(c.Name),
                Markup.Escape(c.Version),
                support == EksSupport.Extended ? "[yellow]extended[/]" : "standard",
                $"{c.NodeGroup.MinSize}/{c.NodeGroup.DesiredSize}/{c.NodeGroup.MaxSize}",
                Markup.Escape(string.Join(", ", c.NodeGroup.InstanceTypes)),
                c.Colour == config.Traffic.Live ? "[blue]live[/]" : c.Colour == config.CandidateCluster.Colour ? "[green]candidate[/]" : string.Empty);
        }

        Console.Write(clusters);
        Console.MarkupLineInterpolated($"Plan {config.LiveCluster.Colour} -> {config.CandidateCluster.Colour}: {string.Join(", ", config.Traffic.Steps.Select(Describe))}; drain {Duration.Format(config.Traffic.Drain)}.");
        Console.MarkupLineInterpolated($"Gates every {Duration.Format(config.Gates.Interval)}: success rate >= {config.Gates.MinSuccessRate} %, p99 <= {Duration.Format(config.Gates.MaxP99)}, {config.Gates.FailureThreshold} failing intervals roll back.");
        foreach (var warning in Warnings)
        {
            Console.MarkupLineInterpolated($"[yellow]warning[/] {warning.ToString()}");
        }

        if (Warnings.Count > 0)
        {
            var blocking = Warnings.Count(w => w.BlocksAws);
            Console.MarkupLineInterpolated($"[yellow]{Warnings.Count} warning(s)[/]: the rehearsal runs as it is; {blocking} of them must be fixed before a deployment to AWS (preflight --target aws fails on them).");
        }

        return Task.FromResult(ExitCodes.Ok);
    }

    private static string Describe(PlanStep step) => step switch
    {
        SetShareStep s => $"{s.Percent}% for {Duration.Format(s.Bake)}",
        TimedPauseStep p => $"pause {Duration.Format(p.Duration)}",
        ApprovalStep a => $"approval ({a.Reason})",
        _ => step.ToString() ?? string.Empty,
    };
}
