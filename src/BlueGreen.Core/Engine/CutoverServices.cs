using BlueGreen.Core.Clusters;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Engine;

/// <summary>Everything outside the engine that it works through.</summary>
public sealed record CutoverServices
{
    public required ITrafficRouter Router { get; init; }

    public required IMetricSource Metrics { get; init; }

    /// <summary>The sources that judge user traffic, each of which must pass (gates.source); empty: <see cref="Metrics"/> alone.</summary>
    public IReadOnlyList<GateSource> UserTrafficSources { get; init; } = [];

    /// <summary>Checks beyond the metrics that judge the candidate every interval (gates.alarms); none by default.</summary>
    public IReadOnlyList<IGateCheck> Checks { get; init; } = [];

    public required IClusterProbe Probe { get; init; }

    public required IJournalStore Journal { get; init; }

    public required ILock Lock { get; init; }

    public required IOperatorInbox Inbox { get; init; }

    public required TimeProvider Time { get; init; }

    /// <summary>Where the event stream goes; none by default.</summary>
    public IReadOnlyList<ICutoverObserver> Observers { get; init; } = [];

    /// <summary>The local implementations: journal, lock and inbox as files under <paramref name="stateDirectory"/>
    /// (<c>journal.jsonl</c>, <c>lock.json</c>, <c>requests/</c>); requests are stamped with the journal's upgrade.</summary>
    public static CutoverServices Local(string stateDirectory, ITrafficRouter router, IMetricSource metrics, IClusterProbe probe, TimeProvider time)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(stateDirectory);
        var journal = new FileJournalStore(Path.Combine(stateDirectory, "journal.jsonl"));
        return new()
        {
            Router = router,
            Metrics = metrics,
            Probe = probe,
            Journal = journal,
            Lock = new FileLock(Path.Combine(stateDirectory, "lock.json"), time),
            Inbox = new UpgradeStampingInbox(new DirectoryOperatorInbox(Path.Combine(stateDirectory, "requests")), journal),
            Time = time,
        };
    }
}
