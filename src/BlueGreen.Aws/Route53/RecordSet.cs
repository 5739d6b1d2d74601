namespace BlueGreen.Aws.Route53;

/// <summary>Any record set of a zone as ListResourceRecordSets returns it, for checks that look beyond the weighted group.</summary>
/// <param name="Name">The record name with its final dot, as Route53 stores it.</param>
/// <param name="Type">A, AAAA, TXT, ...</param>
/// <param name="SetIdentifier">The member's id in a weighted (or other routed) group; null for a simple record.</param>
/// <param name="Weight">The weight of a weighted record; null otherwise.</param>
/// <param name="Ttl">The TTL in seconds; null for an alias record (which takes the target's).</param>
/// <param name="AliasDnsName">The alias target's DNS name; null for a record with values.</param>
/// <param name="HealthCheckId">The health check Route53 consults for the record; null without one.</param>
/// <param name="Values">The record's values (a TXT value keeps its quotes).</param>
public sealed record RecordSet(string Name, string Type, string? SetIdentifier, int? Weight, long? Ttl, string? AliasDnsName, string? HealthCheckId, IReadOnlyList<string> Values)
{
    /// <summary>"name type" and the set identifier when there is one, for messages.</summary>
    public override string ToString() => SetIdentifier is null ? $"{Name} {Type}" : $"{Name} {Type} ({SetIdentifier})";
}
