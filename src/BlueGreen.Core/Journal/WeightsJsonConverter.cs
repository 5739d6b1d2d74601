using System.Text.Json;
using System.Text.Json.Serialization;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Journal;

/// <summary>Writes weights as <c>{"blue":90,"green":10}</c> and reads them back through <see cref="Weights"/>'s checks.</summary>
public sealed class WeightsJsonConverter : JsonConverter<Weights>
{
    public override Weights Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new JsonException("Weights must be an object of colour to weight.");
        }

        var pairs = new List<KeyValuePair<string, int>>();
        while (reader.Read() && reader.TokenType != JsonTokenType.EndObject)
        {
            var colour = reader.GetString() ?? throw new JsonException("A colour name is missing.");
            reader.Read();
            pairs.Add(new(colour, reader.GetInt32()));
        }

        try
        {
            return new Weights(pairs);
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, Weights value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        foreach (var (colour, weight) in value.ByColour)
        {
            writer.WriteNumber(colour, weight);
        }

        writer.WriteEndObject();
    }
}
