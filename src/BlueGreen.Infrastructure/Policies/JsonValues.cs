using System.Globalization;
using System.Text.Json;

namespace BlueGreen.Infrastructure.Policies;

/// <summary>Turns parsed JSON into dictionaries, arrays and scalars, the shapes the CDK runtime marshals as JSON.</summary>
internal static class JsonValues
{
    public static object? ToPlain(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Object => element.EnumerateObject().ToDictionary(p => p.Name, p => ToPlain(p.Value)),
        JsonValueKind.Array => element.EnumerateArray().Select(ToPlain).ToArray(),
        JsonValueKind.String => element.GetString(),
        JsonValueKind.Number => element.TryGetInt64(out var whole) ? whole : element.GetDouble(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Null => null,
        _ => throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"Unsupported JSON value kind {element.ValueKind}."), nameof(element)),
    };
}
