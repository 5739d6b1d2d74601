namespace BlueGreen.Aws.Route53;

/// <summary>A weighted alias record: one member of the service name's weighted group.</summary>
/// <param name="Name">The record name, e.g. test.example.com.</param>
/// <param name="Type">A or AAAA.</param>
/// <param name="SetIdentifier">The member's id within the group; the colour's name.</param>
/// <param name="Weight">0..255.</param>
/// <param name="Target">The colour's load balancer.</param>
public sealed record WeightedRecord(string Name, string Type, string SetIdentifier, int Weight, AliasTarget Target);
