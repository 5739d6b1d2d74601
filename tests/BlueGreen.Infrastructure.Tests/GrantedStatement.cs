using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>One statement of an identity policy, with the stack and policy it was found in.</summary>
internal sealed record GrantedStatement(
    string Stack,
    string PolicyId,
    string? Effect,
    IReadOnlyList<string> Actions,
    IReadOnlyList<JsonNode?> Resources,
    JsonNode? Condition,
    bool Negated)
{
    public bool OnEveryResource => Resources.Any(r => r is JsonValue v && v.ToString() == "*");
}
