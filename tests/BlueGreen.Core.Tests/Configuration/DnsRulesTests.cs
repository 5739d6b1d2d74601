namespace BlueGreen.Core.Tests.Configuration;

public sealed class DnsRulesTests
{
    [Fact]
    public void Rejects_ALabelLongerThan63()
    {
        var label = new string('a', 64);

        var error = TestConfig.SingleError(TestConfig.With("  subdomain: test ", $"  subdomain: {label} "));

        Assert.Equal("dns.subdomain", error.KeyPath);
        Assert.Equal($"'{label}' is 64 characters long; a label has at most 63.", error.Message);
    }

    [Fact]
    public void Rejects_ANameLongerThan253()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 5)) + ".com";

        var error = TestConfig.SingleError(TestConfig.With("  parentZoneName: example.com ", $"  parentZoneName: {name} "));

        Assert.Equal("dns.parentZoneName", error.KeyPath);
        Assert.Equal($"'{name}' is 308 characters long; a DNS name has at most 253.", error.Message);
    }

    [Fact]
    public void Rejects_AColourHostThatWouldExceed253()
    {
        var name = string.Join('.', Enumerable.Repeat(new string('a', 60), 4)) + ".c";

        var error = TestConfig.SingleError(TestConfig.With("  parentZoneName: example.com ", $"  parentZoneName: {name} "));

        Assert.Equal("dns.subdomain", error.KeyPath);
        Assert.Contains("The colour host name 'blue.test.", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("te_st")]
    [InlineData("-test")]
    [InlineData("tést")]
    public void Rejects_BadCharactersInALabel(string label)
    {
        var error = TestConfig.SingleError(TestConfig.With("  subdomain: test ", $"  subdomain: {label} "));

        Assert.Equal($"'{label}' may hold only letters, digits and inner hyphens.", error.Message);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(172_801)]
    public void Rejects_TtlOutOfRange(int ttl)
    {
        var errors = TestConfig.Parse(TestConfig.With("  ttl: 60 ", $"  ttl: {ttl} ")).Errors;

        var error = Assert.Single(errors, e => e.KeyPath == "dns.ttl");
        Assert.Equal($"The TTL is {ttl}; it must be within 1..172800.", error.Message);
    }

    [Fact]
    public void Rejects_SandboxTtlOutOfRange()
    {
        var error = TestConfig.SingleError(TestConfig.With("  ttl: 1\n", "  ttl: 0\n"));

        Assert.Equal("sandbox.ttl", error.KeyPath);
    }

    [Fact]
    public void Rejects_AMalformedZoneId()
    {
        var error = TestConfig.SingleError(TestConfig.With("  parentZoneId: Z0000000000000EXAMPLE", "  parentZoneId: example.com"));

        Assert.Equal("dns.parentZoneId", error.KeyPath);
    }
}
