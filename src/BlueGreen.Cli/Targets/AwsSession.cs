using BlueGreen.Cli.Composition;
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
    private readonly TimeProvider _time;

    private AwsSession(EnvironmentConfig config, AwsModeAdapters adapters, TimeProvider time)
    {
        _config = config;
        _adapters = adapters;
        _time = time;
        Services = adapters.EngineServices(time);
    }

    public string Name => "aws";

    public CutoverServices Services { get; }

    public object Details => new { zoneId = _adapters.ZoneId, record = _config.Dns.ZoneName, state = _adapters.State.ToString(), region = _config.Region };

    /// <summary>Where readiness and metrics come from when it is not the usual (the sandbox's clusters); else null.</summary>
    public string? Notice => _adapters.Clusters.Notice;

    public static async Task<AwsSession> OpenAsync(EnvironmentConfig config, TargetSettings settings, AwsModeServices services, TimeProvider time, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.AwsEndpointUri() is { } endpoint)
        {
            await AwsEndpointCheck.RequireAnsweringAsync(endpoint, cancellationToken);
            services = await AwsSandboxAccount.ServicesAtAsync(services, endpoint, cancellationToken);
        }

        var options = await AwsModeOptionsResolver.ResolveAsync(config, settings, services, cancellationToken);

        // Against `sandbox up --aws-endpoint`, the clusters are the sandbox's; anywhere else they are EKS.
        var clusters = SandboxClusterSide.ForRunningSandbox(settings.Config, services) ?? KubernetesClusterSide.Create(config, services, options, time);
        var adapters = await AwsModeAdapters.CreateAsync(config, services, options, clusters, time, cancellationToken);
        return new AwsSession(config, adapters, time);
    }

    public string HowToCheckWeights =>
        $"Check them with `aws route53 list-resource-record-sets --hosted-zone-id {_adapters.ZoneId} --query \"ResourceRecordSets[?Name=='{_config.Dns.ZoneName}.']\"`.";

    /// <summary>Colours whose load balancer could not be looked up at the last change, and what their records kept.</summary>
    public IReadOnlyList<string> LastFallbacks => _adapters.Router.LastFallbacks;

    public string Describe(Weights? weights) =>
        Markup.Escape($"AWS {_config.Region}: {_config.Dns.ZoneName} in zone {_adapters.ZoneId}, state in {_adapters.State}; weights ")
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
            plan = _adapters.Clusters.Plan(_config);
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

        if (Notice is { } notice && output == OutputFormat.Text)
        {
            console.MarkupLineInterpolated($"[grey]{notice}[/]");
        }

        var engine = new CutoverEngine(plan, Services with { Observers = [new EventPrinter(console, output)] }, new CutoverEngineOptions());

        // Synthetic probes measure only while they run: exactly as long as the engine.
        using var probing = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var background = _adapters.Clusters.RunWhileEngineRuns(probing.Token);
        CutoverOutcome outcome;
        try
        {
            outcome = await engine.RunAsync(cancellationToken);
        }
        catch (GateCheckException e)
        {
            // The configuration names what cannot be judged; nothing was recorded or moved.
            throw new UserInputException(e.Message, e);
        }
        finally
        {
            await probing.CancelAsync();
            await background;
        }

        return EngineOutcome.Report(console, output, outcome);
    }

    public void Dispose() => _adapters.Dispose();
}
