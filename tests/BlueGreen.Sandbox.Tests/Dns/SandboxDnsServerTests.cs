using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Dns;
using Xunit.Abstractions;

namespace BlueGreen.Sandbox.Tests.Dns;

public sealed class SandboxDnsServerTests(ITestOutputHelper output) : IDisposable
{
    private static readonly Dictionary<string, IPAddress> Addresses = new()
    {
        ["blue"] = IPAddress.Parse("127.0.0.2"),
        ["green"] = IPAddress.Parse("127.0.0.3"),
        ["red"] = IPAddress.Parse("127.0.0.4"),
    };

    private readonly SandboxZone _zone = new("test.bluegreen.internal", 1, Addresses, new Random(20260101), TimeProvider.System);
    private SandboxDnsServer? _server;

    private SandboxDnsServer Server => _server ??= SandboxDnsServer.Start(_zone, IPAddress.Loopback);

    [Fact]
    public async Task ServiceName_SharesMatchWeights_OverTenThousandQueries()
    {
        _zone.Replace(new WeightedRecordSet([new("blue", 50), new("green", 30), new("red", 20)]));
        const int queries = 10_000;
        var counts = Addresses.Keys.ToDictionary(c => c, _ => 0);

        var answers = await QueryManyAsync("test.bluegreen.internal", queries);
        foreach (var address in answers)
        {
            counts[_zone.ColourAt(address)!]++;
        }

        // Pearson's chi-square with 2 degrees of freedom; the 1 % critical value is 9.210.
        var chiSquare = counts.Sum(kv =>
        {
            var expected = queries * _zone.Records.Probability(kv.Key);
            return Math.Pow(kv.Value - expected, 2) / expected;
        });
        output.WriteLine($"counts {string.Join(' ', counts.Select(kv => $"{kv.Key}={kv.Value}"))}; chi-square {chiSquare:0.000} (critical 9.210 at 1 %, df 2)");
        Assert.True(chiSquare < 9.210, $"chi-square {chiSquare:0.000} exceeds 9.210 for {string.Join(' ', counts)}");
    }

    [Fact]
    public async Task AllZeroWeights_SplitEqually()
    {
        _zone.Replace(new WeightedRecordSet([new("blue", 0), new("green", 0)]));
        const int queries = 2_000;

        var answers = await QueryManyAsync("test.bluegreen.internal", queries);
        var blue = answers.Count(a => a.Equals(Addresses["blue"]));

        // 99.9 % two-sided bound of a binomial(2000, 0.5) count: 3.29 standard deviations.
        var bound = 3.29 * Math.Sqrt(queries * 0.25);
        output.WriteLine($"blue {blue} of {queries}; allowed {queries / 2} +- {bound:0}");
        Assert.InRange(blue, queries / 2 - bound, queries / 2 + bound);
        Assert.DoesNotContain(answers, a => a.Equals(Addresses["red"]));
    }

    [Fact]
    public async Task ZeroBesideNonZero_NeverAnswers()
    {
        _zone.Replace(new WeightedRecordSet([new("blue", 0), new("green", 1)]));

        var answers = await QueryManyAsync("test.bluegreen.internal", 500);

        Assert.All(answers, a => Assert.Equal(Addresses["green"], a));
    }

    [Fact]
    public async Task ColourName_AnswersItsOwnAddress_WhateverTheWeights()
    {
        _zone.Replace(WeightedRecordSet.From(Weights.AllTo("blue", ["green"])));

        var answer = await QueryAsync("green.test.bluegreen.internal");

        Assert.Equal(ReturnCode.NoError, answer.ReturnCode);
        Assert.True(answer.IsAuthoritiveAnswer);
        var record = Assert.Single(answer.AnswerRecords.OfType<ARecord>());
        Assert.Equal(Addresses["green"], record.Address);
        Assert.Equal(1, record.TimeToLive);
    }

    [Fact]
    public async Task ServiceNameWithoutRecords_AnswersEmpty()
    {
        var answer = await QueryAsync("test.bluegreen.internal");

        Assert.Equal(ReturnCode.NoError, answer.ReturnCode);
        Assert.Empty(answer.AnswerRecords);
    }

    [Fact]
    public async Task UnknownNameInZone_IsNxDomain()
    {
        var answer = await QueryAsync("purple.test.bluegreen.internal");

        Assert.Equal(ReturnCode.NxDomain, answer.ReturnCode);
    }

    [Fact]
    public async Task NameOutsideZone_IsRefused()
    {
        var answer = await QueryAsync("example.com");

        Assert.Equal(ReturnCode.Refused, answer.ReturnCode);
    }

    [Fact]
    public void Rejects_PortInUse()
    {
        using var taken = new Socket(AddressFamily.InterNetwork, SocketType.Dgram, ProtocolType.Udp);
        taken.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)taken.LocalEndPoint!).Port;

        Assert.Throws<SocketException>(() => SandboxDnsServer.Start(_zone, IPAddress.Loopback, port));
    }

    [Fact]
    public void Rejects_NonLoopbackAddress()
    {
        var error = Assert.Throws<ArgumentException>(() => SandboxDnsServer.Start(_zone, IPAddress.Any));

        Assert.Contains("loopback", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _server?.Dispose();

    private async Task<DnsMessage> QueryAsync(string name)
    {
        var client = new DnsClient([Server.Endpoint.Address], [new UdpClientTransport(Server.Endpoint.Port)], true, 2000);
        return await client.ResolveAsync(DomainName.Parse(name), RecordType.A, RecordClass.INet, null, CancellationToken.None)
            ?? throw new InvalidOperationException($"No answer for {name}.");
    }

    private async Task<List<IPAddress>> QueryManyAsync(string name, int queries)
    {
        const int Workers = 4;
        var results = await Task.WhenAll(Enumerable.Range(0, Workers).Select(async w =>
        {
            var addresses = new List<IPAddress>();
            for (var i = w; i < queries; i += Workers)
            {
                var answer = await QueryAsync(name);
                addresses.Add(Assert.Single(answer.AnswerRecords.OfType<ARecord>()).Address);
            }

            return addresses;
        }));
        return [.. results.SelectMany(a => a)];
    }
}
