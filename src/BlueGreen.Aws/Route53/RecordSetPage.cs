namespace BlueGreen.Aws.Route53;

/// <summary>One page of ListResourceRecordSets: the weighted alias records on it and where the next page starts.</summary>
/// <param name="Records">Weighted alias records of the page (other kinds of record are left out).</param>
/// <param name="OtherRecordNames">Names and types of records on the page that are not weighted alias records, as "name type".</param>
/// <param name="NextRecordName">Start of the next page; null when this is the last page.</param>
/// <param name="NextRecordType">Type at the start of the next page.</param>
/// <param name="NextRecordIdentifier">Set identifier at the start of the next page.</param>
public sealed record RecordSetPage(
    IReadOnlyList<WeightedRecord> Records,
    IReadOnlyList<string> OtherRecordNames,
    string? NextRecordName,
    string? NextRecordType,
    string? NextRecordIdentifier);
