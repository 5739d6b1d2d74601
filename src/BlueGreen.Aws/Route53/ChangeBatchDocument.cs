using System.Globalization;
using System.Text.Json.Nodes;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Aws.Route53;

/// <summary>
/// A weighted change as Route53's JSON documents spell it (the AWS CLI's <c>--change-batch</c>): PascalCase keys,
/// one UPSERT per record. The router sends the same content as XML.
/// </summary>
public static class ChangeBatchDocument
{
    /// <summary>The comment every change of the router carries.</summary>
    public static string Comment(Weights weights)
    {
        ArgumentNullException.ThrowIfNull(weights);
        return string.Create(CultureInfo.InvariantCulture, $"bluegreen: {weights}");
    }

    public static JsonObject For(IEnumerable<WeightedRecord> records, string comment)
    {
        ArgumentNullException.ThrowIfNull(records);
        var changes = new JsonArray();
        foreach (var r in records)
        {
            changes.Add(new JsonObject
            {
                ["Action"] = "UPSERT",
                ["ResourceRecordSet"] = new JsonObject
                {
                    ["Name"] = r.Name,
                    ["Type"] = r.Type,
                    ["SetIdentifier"] = r.SetIdentifier,
                    ["Weight"] = r.Weight,
                    ["AliasTarget"] = new JsonObject
                    {
                        ["HostedZoneId"] = r.Target.HostedZoneId,
                        ["DNSName"] = r.Target.DnsName,
                        ["EvaluateTargetHealth"] = r.Target.EvaluateTargetHealth,
                    },
                },
            });
        }

        return new JsonObject { ["Comment"] = comment, ["Changes"] = changes };
    }
}
