using System.Text.Json;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Report;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>
/// <c>bluegreen rehearse</c>: starts the sandbox (the live colour at 100 %, the candidate started
/// and ready), runs the configured plan with the sandbox's timings through the real engine,
/// stops the old colour after the drain (or the candidate after a rollback) in reverse order of
/// its start, and writes the report.
/// </summary>
public static class RehearsalRunner
{
    /// <summary>Exit codes: 0 completed, 3 rolled back or aborted, 1 otherwise.</summary>
    public static int ExitCodeOf(OutcomeKind kind) => OutcomeExitCodes.Of(kind);

    /// <exception cref="PlanException">The configuration does not make a runnable plan.</exception>
    /// <exception cref="SandboxException">A part of the sandbox could not start.</exception>
    public static async Task<RehearsalResult> RunAsync(
        RehearsalOptions options,
        TimeProvider time,
        Action<TimelineEntry, CutoverState?> listener,
        Action<LiveSnapshot>? live,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var config = options.Config;
        var plan = SandboxPlan.Create(config);

        // The target is set up first: one that cannot be leaves no report directory behind.
        var sandboxOptions = options.Adjust(SandboxOptionsFactory.From(config, options.Faults) with { Demand = LoadAdvice.Demand(plan) });
        if (options.Target is { } factory)
        {
            sandboxOptions = await factory.PrepareAsync(sandboxOptions, cancellationToken).ConfigureAwait(false);
        }

        Directory.CreateDirectory(options.ReportDirectory);
        var stateDirectory = Path.Combine(options.ReportDirectory, "state");
        using var recorder = new RehearsalRecorder(Path.Combine(options.ReportDirectory, "events.jsonl"), listener);
        var startedAt = time.GetUtcNow();
        await using var host = await SandboxHost.StartAsync(sandboxOptions, time, recorder.OnSandboxEvent, cancellationToken).ConfigureAwait(false);
        if (host.LoadSize is { IntervalFactor: > 1 } size)
        {
            // Too slow a machine for the gates' samples at this load: longer intervals, not more load.
            var factor = size.IntervalFactor;
            config = config with { Sandbox = config.Sandbox with { Interval = config.Sandbox.Interval * factor, Bake = config.Sandbox.Bake * factor, Verification = config.Sandbox.Verification * factor } };
            plan = SandboxPlan.Create(config);
        }

        await using var target = options.Target is null
            ? new RehearsalTarget
            {
                Kind = "sandbox",
                Description = $"the sandbox's DNS zone {host.Zone.ServiceName}; journal, lock and requests under {stateDirectory}",
                Services = CutoverServices.Local(stateDirectory, host.Router, host.Metrics, host.Probe, time),
            }
            : await options.Target.CreateAsync(host, cancellationToken).ConfigureAwait(false);
        recorder.OnSandboxEvent(new SandboxEvent(time.GetUtcNow(), "engine-target", null, $"the engine acts on {target.Description}"));
        var services = target.Services with { Observers = [recorder] };
        var engine = new CutoverEngine(plan, services, new CutoverEngineOptions
        {
            PollPeriod = TimeSpan.FromMilliseconds(200),

            // Nobody is there to resume a rehearsal: a pause (an approval step, inconclusive gates) ends it.
            StopWhenPaused = true,
        });
        using var refresh = new CancellationTokenSource();
        var view = live is null ? Task.CompletedTask : RefreshAsync(host, recorder, plan, live, options.RefreshPeriod, time, refresh.Token);
        CutoverOutcome outcome;
        try
        {
            outcome = await engine.RunAsync(cancellationToken).ConfigureAwait(false);

            // The colour that no longer takes traffic goes, while the load keeps running to show nobody reaches it.
            var retired = outcome.Kind == OutcomeKind.Completed ? plan.From : plan.To;
            if (outcome.Kind is OutcomeKind.Completed or OutcomeKind.RolledBack or OutcomeKind.Aborted)
            {
                if (outcome.Kind != OutcomeKind.Completed)
                {
                    await Task.Delay(TimeSpan.FromSeconds(config.Sandbox.Ttl), time, cancellationToken).ConfigureAwait(false);
                }

                await host.StopColourAsync(retired).ConfigureAwait(false);
                await Task.Delay(options.AfterStop, time, cancellationToken).ConfigureAwait(false);
            }

            await host.StopLoadAsync().ConfigureAwait(false);
        }
        finally
        {
            await refresh.CancelAsync().ConfigureAwait(false);
            await view.ConfigureAwait(false);
        }

        var input = new RehearsalAnalysis.Input
        {
            Requests = host.Log.Snapshot(),
            Changes = host.Zone.History,
            Timeline = recorder.Entries,
            Colours = [.. host.Colours.Keys],
            From = plan.From,
            To = plan.To,
            Ttl = config.Sandbox.Ttl,
            Interval = plan.Gates.Interval,
            FailureThreshold = plan.Gates.FailureThreshold,
            DnsQueries = host.DnsQueries,
        };
        var summary = new RehearsalSummary
        {
            Outcome = JsonNamingPolicy.CamelCase.ConvertName(outcome.Kind.ToString()),
            ExitCode = ExitCodeOf(outcome.Kind),
            Reason = outcome.Reason,
            From = plan.From,
            To = plan.To,
            StartedAt = startedAt,
            EndedAt = time.GetUtcNow(),
            Faults = [.. options.Faults.Select(f => f.ToString())],
            Target = new EngineTarget(target.Kind, target.Description),
            Load = new LoadSettings(
                host.RequestRate, host.Clients, sandboxOptions.Replicas, sandboxOptions.Ttl,
                config.Sandbox.Bake.TotalSeconds, plan.Gates.Interval.TotalSeconds, plan.Drain.TotalSeconds, plan.Gates.Verification.TotalSeconds)
            {
                CalibratedRate = host.LoadSize?.CalibratedRate,
            },
            UserTraffic = RehearsalAnalysis.Totals(input.Requests, MetricScope.UserTraffic, input.Colours, host.DnsQueries),
            Probes = RehearsalAnalysis.Totals(input.Requests, MetricScope.DirectProbes, input.Colours, 0),
            Steps = RehearsalAnalysis.Steps(input),
            Rollback = RehearsalAnalysis.Rollback(input),
            Decommission = RehearsalAnalysis.Decommission(input),
            ProcessIds = host.ChildProcessIds,
        };
        await ReportWriter.WriteAsync(options.ReportDirectory, summary, input, cancellationToken).ConfigureAwait(false);
        return new RehearsalResult(outcome, summary, options.ReportDirectory, host.ChildProcessIds);
    }

    private static async Task RefreshAsync(SandboxHost host, RehearsalRecorder recorder, CutoverPlan plan, Action<LiveSnapshot> live, TimeSpan period, TimeProvider time, CancellationToken cancellationToken)
    {
        try
        {
            while (!cancellationToken.IsCancellationRequested)
            {
                live(Snapshot(host, recorder, plan, time));
                await Task.Delay(period, time, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            live(Snapshot(host, recorder, plan, time));
        }
    }

    /// <summary>The live view's numbers: user traffic of the last two seconds.</summary>
    public static LiveSnapshot Snapshot(SandboxHost host, RehearsalRecorder recorder, CutoverPlan plan, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(host);
        ArgumentNullException.ThrowIfNull(recorder);
        ArgumentNullException.ThrowIfNull(plan);
        var now = time.GetUtcNow();
        var recent = host.Log.Between(MetricScope.UserTraffic, now - TimeSpan.FromSeconds(2), now);
        var records = host.Zone.Records;
        var colours = host.Colours.Values.Select(d =>
        {
            var mine = recent.Where(r => r.ResolvedColour == d.Colour).ToList();
            var metrics = Load.RequestLog.Summarise(mine);
            return new LiveColour(
                d.Colour,
                records.Probability(d.Colour),
                recent.Count == 0 ? 0 : (double)mine.Count / recent.Count,
                mine.Count,
                metrics.SuccessRate,
                metrics.P99?.TotalMilliseconds,
                d.Ready);
        }).ToList();
        var state = recorder.State;
        var step = state is null || state.Step < 0 ? "-" : $"{state.Step + 1}/{plan.Steps.Count}";
        var verdict = recorder.Entries.LastOrDefault(e => e.Kind == "interval")?.Message;
        return new LiveSnapshot(state?.Phase.Name ?? "Starting", step, records.ToString(), colours, verdict);
    }
}
