using System.ComponentModel;
using System.Globalization;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Text;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Faults;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Processes;
using BlueGreen.Sandbox.Rehearsal;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen rehearse</c>: the whole upgrade on this machine with real parts, then a report.</summary>
[Description("Run the configured upgrade in the local sandbox (real app processes, proxies, DNS, database, load) and write a report.")]
public sealed class RehearseCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : ConfigCommand<RehearseCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>rehearse</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--fault <SPEC>")]
        [Description("Inject a fault into a colour once it takes traffic: COLOUR:errors=20%, COLOUR:latency=400ms, COLOUR:kill=1 (repeatable).")]
        public string[] Faults { get; init; } = [];

        [CommandOption("--report <DIR>")]
        [Description("Directory that receives rehearsal-<UTC time>/ with report.html, events.jsonl and summary.json.")]
        [DefaultValue("artifacts")]
        public string Report { get; init; } = "artifacts";

        [CommandOption("--aws-endpoint <URL>")]
        [Description("Rehearse the AWS path: the engine uses the AWS-mode adapters (Route53, S3 journal and lock, SSM) against this AWS-compatible endpoint; `auto` starts moto_server for the run.")]
        public string? AwsEndpoint { get; init; }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        IReadOnlyList<ColourFault> faults;
        try
        {
            faults = FaultSpecParser.Parse(settings.Faults, [.. config.Clusters.Select(c => c.Colour)], config.Sandbox.Replicas);
        }
        catch (FaultSpecException e)
        {
            throw new UserInputException(e.Message, e);
        }

        try
        {
            if (LoadAdvice.Check(config, SandboxPlan.Create(config)) is { } advice)
            {
                if (settings.Output == OutputFormat.Json)
                {
                    JsonOutput.WriteLine(Console, new { warning = advice });
                }
                else
                {
                    Console.MarkupLineInterpolated($"[yellow]warning[/] {advice}");
                }
            }
        }
        catch (PlanException e)
        {
            throw new UserInputException(e.Message, e);
        }

        var directory = Path.GetFullPath(Path.Combine(settings.Report, "rehearsal-" + Time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture)));
        var options = new RehearsalOptions { Config = config, Faults = faults, ReportDirectory = directory };
        var json = settings.Output == OutputFormat.Json;
        using var shutdown = new ShutdownSignal(cancellationToken);
        try
        {
            // Opened first, so it is stopped last: after the sandbox and the engine that use it.
            await using var endpoint = await RehearsalEndpoint.OpenAsync(settings.AwsEndpoint, shutdown.Token);
            AwsRehearsalTarget? target = null;
            if (endpoint is not null)
            {
                var services = await AwsSandboxAccount.ServicesAtAsync(aws, endpoint.Endpoint, shutdown.Token);
                target = new AwsRehearsalTarget(config, services, endpoint.Endpoint, Time, freshJournal: true, line => Note(json, line));
                options = options with { Target = target };
                Note(json, $"AWS-compatible endpoint: {endpoint.Description}.");
            }

            RehearsalResult result;
            if (json)
            {
                result = await RehearsalRunner.RunAsync(options, Time, (entry, _) => Console.Profile.Out.Writer.WriteLine(RehearsalRecorder.ToJsonLine(entry)), null, shutdown.Token);
                JsonOutput.WriteLine(Console, new { summary = result.Summary, report = Path.Combine(result.ReportDirectory, "report.html") });
            }
            else
            {
                Console.MarkupLineInterpolated($"Rehearsing {config.Traffic.Live} -> {config.CandidateCluster.Colour} in the sandbox; report in [blue]{directory}[/].");
                result = await RunWithViewAsync(options, shutdown.Token);
                PrintSummary(result);
                if (target is not null)
                {
                    Console.MarkupLineInterpolated($"Route53 zone {target.Options.ZoneId} at {target.Endpoint} now holds {config.Dns.ZoneName}: [bold]{await target.ReadWeightsAsync(shutdown.Token)}[/].");
                }
            }

            return result.Summary.ExitCode;
        }
        catch (OperationCanceledException) when (shutdown.Token.IsCancellationRequested)
        {
            // The children run in sessions of their own, so they were still serving until the
            // sandbox stopped them, newest first; the upgrade was not decided, so nothing is advised.
            Console.MarkupLine("[yellow]The rehearsal was interrupted before it decided, and every process the sandbox started has been stopped in reverse order of start.[/]");
            return ExitCodes.Interrupted;
        }
        catch (PlanException e)
        {
            throw new UserInputException(e.Message, e);
        }
        catch (Exception e) when (e is SandboxException or DynaliteException or ChildProcessException or FileNotFoundException)
        {
            throw new CommandFailedException($"The sandbox could not run: {Sentences.Clause(e.Message)}. Everything it had started has been stopped.", e);
        }
        catch (Exception e) when (settings.AwsEndpoint is not null && (e is CutoverException || AwsModeErrors.IsExpected(e)))
        {
            throw new CommandFailedException($"The AWS-path rehearsal failed: {Sentences.Clause(AwsModeErrors.Describe(e))}. Everything it had started has been stopped.", e);
        }
    }

    private void Note(bool json, string line)
    {
        if (json)
        {
            JsonOutput.WriteLine(Console, new { note = line });
        }
        else
        {
            Console.MarkupLineInterpolated($"[grey]{line}[/]");
        }
    }

    private async Task<RehearsalResult> RunWithViewAsync(RehearsalOptions options, CancellationToken cancellationToken)
    {
        void Print(TimelineEntry entry, CutoverState? state)
        {
            if (entry.Kind != "interval")
            {
                Console.MarkupLineInterpolated($"[grey]{entry.At.UtcDateTime:HH:mm:ss.f}[/] {entry.Message}");
            }
        }

        if (!Console.Profile.Capabilities.Interactive)
        {
            return await RehearsalRunner.RunAsync(options, Time, Print, null, cancellationToken);
        }

        // The live display owns the terminal while it runs: events go into it, not beside it.
        var recent = new System.Collections.Concurrent.ConcurrentQueue<string>();
        void Keep(TimelineEntry entry, CutoverState? state)
        {
            if (entry.Kind != "interval")
            {
                recent.Enqueue($"{entry.At.UtcDateTime:HH:mm:ss.f} {entry.Message}");
                while (recent.Count > 8 && recent.TryDequeue(out _))
                {
                }
            }
        }

        RehearsalResult? result = null;
        await Console.Live(new Text("Starting the sandbox...")).AutoClear(false).StartAsync(async context =>
        {
            result = await RehearsalRunner.RunAsync(options, Time, Keep, snapshot =>
            {
                context.UpdateTarget(new Rows(LiveView.Render(snapshot), new Text(string.Join(Environment.NewLine, recent))));
                context.Refresh();
            }, cancellationToken);
        });
        return result!;
    }

    private void PrintSummary(RehearsalResult result)
    {
        var summary = result.Summary;
        var colour = summary.ExitCode == 0 ? "green" : "red";
        Console.MarkupLineInterpolated($"[{colour}]{summary.Outcome}[/]: {summary.Reason}");
        Console.MarkupLineInterpolated($"User requests: {summary.UserTraffic.Requests}, failed {summary.UserTraffic.Failed}, misrouted {summary.UserTraffic.Misrouted}; DNS queries {summary.UserTraffic.DnsQueries}.");
        var steps = new Table().Border(TableBorder.Rounded).AddColumns("Records", "Configured", "Observed", "Requests", "Answers", "Tolerance", "Within");
        foreach (var step in summary.Steps)
        {
            steps.AddRow(
                Markup.Escape(step.Records),
                Markup.Escape(Shares(step.ConfiguredShare)),
                Markup.Escape(Shares(step.ObservedShare)),
                step.Requests.ToString(CultureInfo.InvariantCulture),
                step.Resolutions.ToString(CultureInfo.InvariantCulture),
                string.Create(CultureInfo.InvariantCulture, $"{step.TolerancePoints:0.0} pp"),
                step.Within ? "yes" : "[red]no[/]");
        }

        Console.Write(steps);
        Console.MarkupLineInterpolated($"Report: [blue]{Path.Combine(result.ReportDirectory, "report.html")}[/]");
    }

    private static string Shares(IReadOnlyDictionary<string, double> shares) =>
        string.Join(' ', shares.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key} {100 * kv.Value:0.0}%")));
}
