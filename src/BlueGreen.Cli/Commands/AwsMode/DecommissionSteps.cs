using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;
using BlueGreen.Kubernetes.Teardown;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>The outside world of one decommission, so its order and refusals can be tested with fakes.</summary>
public sealed record DecommissionSteps(
    Func<CancellationToken, Task<IReadOnlyList<JournalEntry>>> ReadJournal,
    Func<CancellationToken, Task<Weights?>> CurrentWeights,
    IColourTeardown Teardown,
    Func<CancellationToken, Task<IReadOnlyList<string>>> AwsLeftovers,
    Func<CancellationToken, Task<int>> Destroy)
{
    /// <summary>Records in the upgrade's journal that the decommission began, which closes its rollback window; none when not set.</summary>
    public Func<CancellationToken, Task>? CloseRollbackWindow { get; init; }
}
