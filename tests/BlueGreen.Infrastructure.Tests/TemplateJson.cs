using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Reads synthesized template JSON: resources by type, and values that may be one item or a list.</summary>
internal static class TemplateJson
{
    public static IEnumerable<(string LogicalId, JsonObject Resource)> OfType(JsonObject template, string type) =>
        template["Resources"]!.AsObject()
            .Where(r => (string?)r.Value!["Type"] == type)
            .Select(r => (r.Key, r.Value!.AsObject()));

    public static (string LogicalId, JsonObject Resource) Single(JsonObject template, string type) =>
        Assert.Single(OfType(template, type));

    /// <summary>A policy field (Action, Resource, Statement) as a list, whether it was written as one value or many.</summary>
    public static IReadOnlyList<JsonNode?> Many(JsonNode? node) => node switch
    {
        null => [],
        JsonArray array => [.. array],
        _ => [node],
    };

    /// <summary>The literal text of a string, or of an Fn::Join with its references written as ${Ref}.</summary>
    public static string Flatten(JsonNode? node) => node switch
    {
        JsonValue value => value.ToString(),
        JsonObject o when o["Fn::Join"] is JsonArray join => string.Join((string?)join[0], join[1]!.AsArray().Select(Flatten)),
        JsonObject o when o["Ref"] is { } reference => "${" + reference + "}",
        JsonObject o when o["Fn::GetAtt"] is JsonArray att => "${" + att[0] + "." + att[1] + "}",
        _ => node?.ToJsonString() ?? "",
    };

    /// <summary>Every occurrence of a key anywhere under a node.</summary>
    public static IEnumerable<JsonNode?> FindKey(JsonNode? node, string key)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (name, value) in o)
                {
                    if (name == key)
                    {
                        yield return value;
                    }

                    foreach (var inner in FindKey(value, key))
                    {
                        yield return inner;
                    }
                }

                break;
            case JsonArray a:
                foreach (var inner in a.SelectMany(item => FindKey(item, key)))
                {
                    yield return inner;
                }

                break;
        }
    }
}
