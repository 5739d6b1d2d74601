using System.Text.Json;
using Amazon.DynamoDBv2.Model;
using SampleApp.Users;

namespace SampleApp.Tests.Users;

public sealed class AttributeValueJsonConverterTests
{
    private static readonly JsonSerializerOptions Options = new() { Converters = { new AttributeValueJsonConverter() } };

    [Fact]
    public void Writes_EveryAttributeType_InDynamoDbJson()
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["s"] = new() { S = "text" },
            ["n"] = new() { N = "12.5" },
            ["b"] = new() { B = new MemoryStream([1, 2, 3]) },
            ["bool"] = new() { BOOL = false },
            ["null"] = new() { NULL = true },
            ["ss"] = new() { SS = ["a", "b"] },
            ["ns"] = new() { NS = ["1", "2"] },
            ["bs"] = new() { BS = [new MemoryStream([255])] },
            ["m"] = new() { M = new() { ["inner"] = new() { S = "x" } } },
            ["l"] = new() { L = [new() { N = "1" }, new() { BOOL = true }] },
        };

        var json = JsonSerializer.Serialize(item, Options);

        const string Expected = """
            {"s":{"S":"text"},"n":{"N":"12.5"},"b":{"B":"AQID"},"bool":{"BOOL":false},"null":{"NULL":true},
            "ss":{"SS":["a","b"]},"ns":{"NS":["1","2"]},"bs":{"BS":["/w=="]},"m":{"M":{"inner":{"S":"x"}}},
            "l":{"L":[{"N":"1"},{"BOOL":true}]}}
            """;
        Assert.Equal(Expected.Replace("\n", string.Empty, StringComparison.Ordinal), json);
    }

    [Fact]
    public void Writes_EmptyMapAndList()
    {
        var json = JsonSerializer.Serialize(new AttributeValue { M = [] }, Options) + JsonSerializer.Serialize(new AttributeValue { L = [] }, Options);

        Assert.Equal("""{"M":{}}{"L":[]}""", json);
    }

    [Fact]
    public void Refuses_ToRead()
    {
        Assert.Throws<NotSupportedException>(() => JsonSerializer.Deserialize<AttributeValue>("""{"S":"x"}""", Options));
    }
}
