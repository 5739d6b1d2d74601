using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Traffic;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>The target in a real account: Route53 weights, EKS clusters, and journal, lock and operator requests in S3.</summary>
public sealed class AwsSession : ITargetSession
{
    private readonly EnvironmentConfig _config;
    private readonly AwsModeAdapters _adapters;
    private readonly AwsModeOptions _options;
    private readonly TimeProvider _time;

    private AwsSession(EnvironmentConfig config, AwsModeAdapters adapters, AwsModeOptions options, TimeProvider time)
    {
        _config = config;
        _adapters = adapters;
        _options = options;
        _time = time;
        Services = new CutoverServices
        {
            Router = adapters.Router,
            Metrics = adapters.Metrics,
            Probe = adapters.Probe,
            Journal = adapters.Journal,
            Lock = adapters.Lock,
            Inbox = adapters.Inbox,
            Time = time,
        };
    }

    public string Name => "aws";

    public CutoverServices Services { get; }

    public object Details => new { zoneId = _options.ZoneId, record = _config.Dns.ZoneName, state = _adapters.State.ToString(), region = _config.Region };

    public static async Task<AwsSession> OpenAsync(EnvironmentConfig config, TargetSettings settings, AwsModeServices services, TimeProvider time, CancellationToken cancellationToken)
    {
        var options = await AwsModeOptionsResolver.ResolveAsync(config, settings, services, cancellationToken);
        var adapters = await AwsModeAdapters.CreateAsync(config, services, options, time, cancellationToken);
        return new AwsSession(config, adapters, options, time);
    }

    public string Describe(Weights? weights) =>
        Markup.Escape($"AWS {_config.Region}: {_config.Dns.ZoneName} in zone {_options.ZoneId}, state in {_adapters.State}; weights ")
        + $"[bold]{Markup.Escape(weights?.ToString() ?? "none (no weighted records yet)")}[/].";

    public async Task<Weights?> ReadWeightsAsync(CancellationToken cancellationToken) => await _adapters.Router.ReadWeightsAsync(cancellationToken);

    // Engines elsewhere cannot be seen: one that renews its lock is running; a stale lock was left by one that died.
    public bool EngineRunning(LockInfo? holder) => holder is not null && !holder.IsStale(_time.GetUtcNow());

    public async Task<int> RunUpgradeAsync(IAnsiConsole console, OutputFormat output, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(console);
        CutoverPlan plan;
        try
        {
            plan = PlanFactory.Create(_config);
        }
        catch (PlanException e)
        {
            throw new UserInputException(e.Message, e);
        }

        // Fail on another engine's lock before any probe goes out; the engine still takes the lock itself.
        if (await _adapters.Lock.ReadAsync(cancellationToken) is { } holder)
        {
            throw new LockHeldException(holder, _time.GetUtcNow());
        }

        var engine = new CutoverEngine(plan, Services with { Observers = [new EventPrinter(console, output)] }, new CutoverEngineOptions());

        // The synthetic probes measure only while they run: exactly as long as the engine.
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var probes = _adapters.Probes.RunAsync(probing.Token);
        CutoverOutcome outcome;
        try
        {
            outcome = await engine.RunAsync(cancellationToken);
        }
        finally
        {
            await probing.CancelAsync();
            await probes;
        }

        return EngineOutcome.Report(console, output, outcome);
    }

    public void Dispose() => _adapters.Dispose();
}
