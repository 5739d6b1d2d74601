using System.Text.Json;
using System.Text.Json.Serialization;

namespace BlueGreen.Core.Journal;

/// <summary>The JSON settings of everything the engine stores: journal events, locks, operator requests.</summary>
public static class JournalJson
{
    /// <summary>camelCase names, enums as camelCase strings, weights as a colour -> weight object, one line per value.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = false,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase, allowIntegerValues: false), new WeightsJsonConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };
}
