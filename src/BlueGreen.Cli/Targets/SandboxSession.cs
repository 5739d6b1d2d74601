using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Control;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>The target that <c>bluegreen sandbox up</c> keeps running on this machine for a configuration.</summary>
public sealed class SandboxSession : ITargetSession
{
    private readonly EnvironmentConfig _config;
    private readonly string _configPath;
    private readonly TimeProvider _time;
    private readonly SandboxState _state;
    private readonly RemoteSandbox _remote;

    public SandboxSession(EnvironmentConfig config, string configPath, TimeProvider time)
    {
        _config = config;
        _configPath = configPath;
        _time = time;
        _state = SandboxEngine.RequireRunning(configPath);
        (Services, _remote) = SandboxEngine.Services(configPath, time);
    }

    public string Name => "sandbox";

    public CutoverServices Services { get; }

    public object Details => _state;

    public string HowToCheckWeights => $"Check them with `bluegreen status --config {_configPath}`.";

    public string Describe(Weights? weights) =>
        Markup.Escape($"Sandbox (pid {_state.Pid}): {_state.ServiceName} via DNS {_state.Dns}, port {_state.ServicePort}; weights ") + $"[bold]{Markup.Escape(weights?.ToString() ?? "none")}[/].";

    public async Task<Weights?> ReadWeightsAsync(CancellationToken cancellationToken) => await _remote.GetWeightsAsync(cancellationToken);

    // On this machine an engine's life is a fact: its process runs or it does not.
    public bool EngineRunning(LockInfo? holder) => holder is not null && holder.Holder.Host == Environment.MachineName && SandboxEngine.ProcessAlive(holder.Holder.Pid);

    public Task<int> RunUpgradeAsync(IAnsiConsole console, OutputFormat output, Func<CutoverPlan, ICutoverObserver?> observers, CancellationToken cancellationToken, bool rollbackWindow = false) =>
        SandboxEngine.RunAsync(console, output, _config, _configPath, _time, observers, cancellationToken, rollbackWindow);

    public void Dispose() => _remote.Dispose();
}
