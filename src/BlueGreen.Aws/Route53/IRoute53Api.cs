namespace BlueGreen.Aws.Route53;

/// <summary>The few Route53 operations the weighted router needs; small so AWSSDK.Route53 can stand in for it.</summary>
public interface IRoute53Api
{
    /// <summary>ChangeResourceRecordSets with one UPSERT per record, all in one batch (all or nothing).</summary>
    Task<ChangeInfo> UpsertAsync(string hostedZoneId, IReadOnlyCollection<WeightedRecord> records, string comment, CancellationToken cancellationToken);

    /// <summary>GetChange: whether a batch is INSYNC yet.</summary>
    Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken);

    /// <summary>ListResourceRecordSets from <paramref name="name"/>/<paramref name="type"/> on, every page, weighted alias records of exactly that name and type.</summary>
    Task<IReadOnlyList<WeightedRecord>> ListWeightedRecordsAsync(string hostedZoneId, string name, string type, CancellationToken cancellationToken);

    /// <summary>ListResourceRecordSets of the whole zone, every page, every kind of record.</summary>
    Task<IReadOnlyList<RecordSet>> ListRecordSetsAsync(string hostedZoneId, CancellationToken cancellationToken);

    /// <summary>ListHostedZonesByName: the id of the public zone named <paramref name="zoneName"/>, or null.</summary>
    Task<string?> FindPublicZoneIdAsync(string zoneName, CancellationToken cancellationToken);
}
