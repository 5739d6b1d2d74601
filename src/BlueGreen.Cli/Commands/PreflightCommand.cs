using System.ComponentModel;
using BlueGreen.Aws.Preflight;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen preflight --to &lt;colour&gt;</c>: checks that moving to a colour can work, before anything changes.</summary>
[Description("Check versions, removed APIs, chart compatibility, instance types, subnet IPs and cluster access before an upgrade.")]
public sealed class PreflightCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices services) : ConfigCommand<PreflightCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>preflight</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--to <COLOUR>")]
        [Description("The candidate colour; defaults to traffic.candidate or the one colour that is not live.")]
        public string? To { get; init; }

        [CommandOption("--target <TARGET>")]
        [Description("sandbox or aws; overrides `target:` in the configuration. With aws, settings a deployment cannot work with fail.")]
        public Target? Target { get; init; }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        var to = settings.To is null ? config.CandidateCluster : config.Clusters.FirstOrDefault(c => c.Colour == settings.To)
            ?? throw new UserInputException($"--to {settings.To}: no cluster has that colour in {settings.Config}. Known colours: {string.Join(", ", config.Clusters.Select(c => c.Colour))}.");
        if (to.Colour == config.Traffic.Live)
        {
            throw new UserInputException($"--to {to.Colour}: that colour is live (traffic.live). Name the candidate colour.");
        }

        var results = new List<PreflightResult>(DeploymentSettingsCheck.Evaluate(Warnings, settings.Target ?? config.Target));
        results.AddRange(await new PreflightRunner(services, Time).RunAsync(config, settings.Config, to, cancellationToken));
        var failed = results.Any(r => r.Status == PreflightStatus.Fail);
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new
            {
                ok = !failed,
                from = config.Traffic.Live,
                to = to.Colour,
                checks = results.Select(r => new { check = r.Check, status = r.Status, detail = r.Detail }),
            });
        }
        else
        {
            var table = new Table().Border(TableBorder.Rounded).AddColumns("Check", "Result", "Detail");
            foreach (var result in results)
            {
                table.AddRow(new Markup(Markup.Escape(result.Check)), new Markup(Badge(result.Status)), new Markup(Markup.Escape(result.Detail)));
            }

            Console.Write(table);
            Console.MarkupLine(failed
                ? $"[red]Preflight failed[/] for {Markup.Escape(config.Traffic.Live)} -> {Markup.Escape(to.Colour)}: fix every FAIL above first."
                : $"[green]Preflight passed[/] for {Markup.Escape(config.Traffic.Live)} -> {Markup.Escape(to.Colour)}.");
        }

        return failed ? ExitCodes.Failure : ExitCodes.Ok;
    }

    private static string Badge(PreflightStatus status) => status switch
    {
        PreflightStatus.Pass => "[green]PASS[/]",
        PreflightStatus.Warn => "[yellow]WARN[/]",
        PreflightStatus.Fail => "[red]FAIL[/]",
        _ => "[grey]SKIPPED[/]",
    };
}
