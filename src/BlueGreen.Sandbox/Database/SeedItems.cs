using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace BlueGreen.Sandbox.Database;

/// <summary>The deterministic user items the sandbox, the tests and the benchmarks seed.</summary>
public static class SeedItems
{
    /// <summary>Partition key value of the item with this 1-based index: <c>user-00001</c>.</summary>
    public static string IdOf(int index) => string.Create(CultureInfo.InvariantCulture, $"user-{index:D5}");

    public static Dictionary<string, AttributeValue> Create(string partitionKey, int index) => new()
    {
        [partitionKey] = new AttributeValue { S = IdOf(index) },
        ["Name"] = new AttributeValue { S = string.Create(CultureInfo.InvariantCulture, $"User {index}") },
        ["Email"] = new AttributeValue { S = IdOf(index) + "@example.com" },
        ["Visits"] = new AttributeValue { N = index.ToString(CultureInfo.InvariantCulture) },
    };
}
