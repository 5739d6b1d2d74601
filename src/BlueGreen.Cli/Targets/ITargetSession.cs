using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Engine;
using Plans = BlueGreen.Core.Plans;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Traffic;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>One command's connection to a target (the local sandbox or AWS): the engine's services and how to run it there.</summary>
public interface ITargetSession : IDisposable
{
    /// <summary>The target's name, as in <c>target:</c> (the JSON key of <see cref="Details"/>).</summary>
    string Name { get; }

    /// <summary>Router, metrics, probe, journal, lock and operator inbox, with no observers.</summary>
    CutoverServices Services { get; }

    /// <summary>Where the target is, for <c>status --output json</c>.</summary>
    object Details { get; }

    /// <summary>One line of markup saying where the target is and what the weights are.</summary>
    string Describe(Weights? weights);

    /// <summary>How an operator checks the weights in effect without bluegreen, e.g. the AWS CLI command; one sentence.</summary>
    string HowToCheckWeights { get; }

    /// <summary>The weights in effect, or null when no colour has a weighted record yet.</summary>
    Task<Weights?> ReadWeightsAsync(CancellationToken cancellationToken);

    /// <summary>Whether <paramref name="holder"/> is an engine that is running now (and so reads the inbox).</summary>
    bool EngineRunning(LockInfo? holder);

    /// <summary>Runs (or resumes) the upgrade to its end and returns the exit code: 0 completed, 3 rolled back or aborted, 1 otherwise.</summary>
    /// <remarks>With <paramref name="rollbackWindow"/>, a completed upgrade is rolled back at once (<see cref="CutoverEngineOptions.RollbackWindow"/>). <paramref name="observers"/> gives, for the plan the session runs, an observer besides the printer (notifications); null for none.</remarks>
    Task<int> RunUpgradeAsync(IAnsiConsole console, OutputFormat output, Func<Plans.CutoverPlan, ICutoverObserver?> observers, CancellationToken cancellationToken, bool rollbackWindow = false);
}
