using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Counts a template's resources by type, for exact per-stack comparisons.</summary>
internal static class ResourceCounts
{
    public static SortedDictionary<string, int> Of(JsonObject template) =>
        new(template["Resources"]!.AsObject()
            .GroupBy(r => (string)r.Value!["Type"]!)
            .ToDictionary(g => g.Key, g => g.Count()), StringComparer.Ordinal);

    public static SortedDictionary<string, int> Expect(params (string Type, int Count)[] counts) =>
        new(counts.ToDictionary(c => c.Type, c => c.Count), StringComparer.Ordinal);
}
