using BlueGreen.Aws.Route53;

namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>An in-memory Route53 zone that records each call; a change goes INSYNC after a set number of polls.</summary>
internal sealed class FakeRoute53 : IRoute53Api
{
    private readonly Dictionary<string, WeightedRecord> _records = new(StringComparer.Ordinal);
    private int _pollsLeft;

    public FakeRoute53(int pollsUntilInSync = 2, params WeightedRecord[] existing)
    {
        _pollsLeft = pollsUntilInSync;
        foreach (var record in existing)
        {
            _records[record.SetIdentifier] = record;
        }
    }

    public List<string> Calls { get; } = [];

    public List<IReadOnlyCollection<WeightedRecord>> Batches { get; } = [];

    public Task<ChangeInfo> UpsertAsync(string hostedZoneId, IReadOnlyCollection<WeightedRecord> records, string comment, CancellationToken cancellationToken)
    {
        Calls.Add($"Upsert {hostedZoneId} {records.Count}");
        Batches.Add(records);
        foreach (var record in records)
        {
            _records[record.SetIdentifier] = record with { Name = record.Name + ".", Target = record.Target with { DnsName = record.Target.DnsName + "." } };
        }

        return Task.FromResult(new ChangeInfo("C1", _pollsLeft == 0 ? "INSYNC" : "PENDING", Clock.Start));
    }

    public Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        Calls.Add($"GetChange {changeId}");
        _pollsLeft = Math.Max(0, _pollsLeft - 1);
        return Task.FromResult(new ChangeInfo(changeId, _pollsLeft == 0 ? "INSYNC" : "PENDING", Clock.Start));
    }

    public Task<IReadOnlyList<WeightedRecord>> ListWeightedRecordsAsync(string hostedZoneId, string name, string type, CancellationToken cancellationToken)
    {
        Calls.Add($"List {hostedZoneId} {name} {type}");
        return Task.FromResult<IReadOnlyList<WeightedRecord>>([.. _records.Values]);
    }

    public Task<string?> FindPublicZoneIdAsync(string zoneName, CancellationToken cancellationToken)
    {
        Calls.Add($"FindZone {zoneName}");
        return Task.FromResult<string?>("Z0123456789TESTZONE");
    }
}
