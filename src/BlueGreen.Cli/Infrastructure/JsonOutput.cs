using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Writes JSON results the same way for every command.</summary>
public static class JsonOutput
{
    /// <summary>camelCase, enums as strings, indented for documents.</summary>
    public static JsonSerializerOptions Options { get; } = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,

        // Names, quotes and angle brackets stay readable; the output is a document, never embedded in HTML.
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Converters = { new JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>One object on one line, for event streams.</summary>
    public static JsonSerializerOptions LineOptions { get; } = new(Options) { WriteIndented = false };

    public static void Write(IAnsiConsole console, object value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, Options));

    public static void WriteLine(IAnsiConsole console, object value) =>
        console.Profile.Out.Writer.WriteLine(JsonSerializer.Serialize(value, LineOptions));
}
