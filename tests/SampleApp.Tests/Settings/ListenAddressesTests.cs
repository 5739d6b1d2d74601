using Microsoft.Extensions.Configuration;
using SampleApp.Settings;

namespace SampleApp.Tests.Settings;

public sealed class ListenAddressesTests
{
    [Fact]
    public void Listens_On8080_ByDefault()
    {
        Assert.Equal("http://*:8080", ListenAddresses.DefaultUnlessConfigured(Configuration()));
    }

    [Theory]
    [InlineData("urls", "http://127.0.0.1:5005")]
    [InlineData("http_ports", "9090")]
    [InlineData("https_ports", "9443")]
    [InlineData("Kestrel:Endpoints:Http:Url", "http://127.0.0.1:7000")]
    public void Leaves_TheChoice_ToExplicitSettings(string key, string value)
    {
        Assert.Null(ListenAddresses.DefaultUnlessConfigured(Configuration((key, value))));
    }

    private static IConfiguration Configuration(params (string Key, string Value)[] values) =>
        new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Key, pair.Value)))
            .Build();
}
