using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2.Model;

namespace SampleApp.Users;

/// <summary>
/// Writes an item's attributes in DynamoDB's own JSON form (<c>{"S": "..."}</c>, <c>{"N": "1"}</c>),
/// as the low-level clients of every SDK return them.
/// </summary>
internal sealed class AttributeValueJsonConverter : JsonConverter<AttributeValue>
{
    public override AttributeValue Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        throw new NotSupportedException("Attribute values are only written.");

    public override void Write(Utf8JsonWriter writer, AttributeValue value, JsonSerializerOptions options)
    {
        ArgumentNullException.ThrowIfNull(writer);
        ArgumentNullException.ThrowIfNull(value);
        writer.WriteStartObject();
        if (value.S is not null)
        {
            writer.WriteString("S", value.S);
        }
        else if (value.N is not null)
        {
            writer.WriteString("N", value.N);
        }
        else if (value.B is not null)
        {
            writer.WriteBase64String("B", value.B.ToArray());
        }
        else if (value.BOOL is { } flag)
        {
            writer.WriteBoolean("BOOL", flag);
        }
        else if (value.NULL is true)
        {
            writer.WriteBoolean("NULL", true);
        }
        else if (value.SS is { Count: > 0 } strings)
        {
            WriteStrings(writer, "SS", strings);
        }
        else if (value.NS is { Count: > 0 } numbers)
        {
            WriteStrings(writer, "NS", numbers);
        }
        else if (value.BS is { Count: > 0 } binaries)
        {
            writer.WriteStartArray("BS");
            foreach (var binary in binaries)
            {
                writer.WriteBase64StringValue(binary.ToArray());
            }

            writer.WriteEndArray();
        }
        else if (value.M is not null)
        {
            writer.WritePropertyName("M");
            JsonSerializer.Serialize(writer, value.M, options);
        }
        else if (value.L is not null)
        {
            writer.WritePropertyName("L");
            JsonSerializer.Serialize(writer, value.L, options);
        }

        writer.WriteEndObject();
    }

    private static void WriteStrings(Utf8JsonWriter writer, string name, List<string> values)
    {
        writer.WriteStartArray(name);
        foreach (var text in values)
        {
            writer.WriteStringValue(text);
        }

        writer.WriteEndArray();
    }
}
