using System.Collections.Concurrent;
using System.Globalization;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Tests.Fakes;
using Xunit.Abstractions;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

/// <summary>
/// Two operators run <c>bluegreen shift</c> at the same moment against one account on moto, whose S3 enforces the
/// lock's conditional write. A proxy in front of moto lines both processes up at their first request and lets the
/// second go a seeded skew later, so the race is decided by S3, not by how fast each process started. Every round
/// exactly one wins; the loser exits 1 naming the holder and since when, and sends no Route53 change and no journal
/// write. BLUEGREEN_LOCK_RACE_ROUNDS sets the rounds (bench/lock-race.sh runs 50).
/// </summary>
public sealed class LockRaceTests : IClassFixture<MotoFixture>
{
    private const int Seed = 20261203;

    private readonly ITestOutputHelper _output;
    private readonly MotoFixture _moto;

    public LockRaceTests(ITestOutputHelper output, MotoFixture moto)
    {
        _output = output;
        _moto = moto;
    }

    [Fact]
    public async Task TwoOperatorsRacingForTheLock_ExactlyOneWinsEveryRound_AndTheLoserChangesNothing()
    {
        var rounds = int.TryParse(Environment.GetEnvironmentVariable("BLUEGREEN_LOCK_RACE_ROUNDS"), CultureInfo.InvariantCulture, out var r) ? r : 5;
        var random = new Random(Seed);
        var wins = new Dictionary<string, int> { ["op-a"] = 0, ["op-b"] = 0 };
        for (var round = 1; round <= rounds; round++)
        {
            var skew = TimeSpan.FromMilliseconds(random.Next(0, 100));
            var winner = await RaceAsync(round, skew);
            wins[winner]++;
            _output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"round {round}: skew {skew.TotalMilliseconds:0} ms, winner {winner}"));
        }

        _output.WriteLine($"{rounds} rounds: op-a won {wins["op-a"]}, op-b won {wins["op-b"]}, every round exactly one winner");
    }

    private async Task<string> RaceAsync(int round, TimeSpan skew)
    {
        var account = await AwsAccount.CreateAsync(_moto);
        await account.WriteWeightsAsync(("blue", 100), ("green", 0));
        var arrived = new ConcurrentDictionary<string, bool>();
        var both = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        // moto checks a conditional write and then stores it without a lock; S3 decides them one at a time.
        var network = new FaultInjectingHandler()
            .SerializeConditionalWrites()
            .Gate(
                r => r.Headers.GetValueOrDefault("X-Amz-Target") == "AmazonSSM.GetParameter" && r.AccessKey is { } key && arrived.TryAdd(key, true),
                async (r, ct) =>
                {
                    if (arrived.Count == 2)
                    {
                        both.TrySetResult();
                    }

                    await both.Task.WaitAsync(TimeSpan.FromMinutes(2), ct);
                    if (r.AccessKey == "op-b")
                    {
                        await Task.Delay(skew, ct);
                    }
                },
                times: 2)

            // Whoever holds the lock first reads the records slowly, so the other certainly tries while it is held.
            .Delay(r => r.Is(HttpMethod.Get, "/rrset"), TimeSpan.FromSeconds(2), times: 10);
        using var proxy = new FaultyProxy(_moto.Endpoint, network);

        var a = CliProcess.RunAsync(AwsAccount.Environment(proxy.Endpoint, "op-a"), "shift", "10", "--target", "aws", "--config", CliRunner.DefaultConfigPath);
        var b = CliProcess.RunAsync(AwsAccount.Environment(proxy.Endpoint, "op-b"), "shift", "30", "--target", "aws", "--config", CliRunner.DefaultConfigPath);
        var results = new Dictionary<string, (int ExitCode, string Output)> { ["op-a"] = await a, ["op-b"] = await b };

        var winners = results.Where(kv => kv.Value.ExitCode == 0).Select(kv => kv.Key).ToList();
        Assert.True(winners.Count == 1, $"round {round}: {winners.Count} winners. op-a: {results["op-a"]}; op-b: {results["op-b"]}");
        var winner = winners[0];
        var loser = winner == "op-a" ? "op-b" : "op-a";
        var (loserExit, loserOutput) = results[loser];
        Assert.Equal(1, loserExit);
        var said = CliRunner.Flat(loserOutput);
        Assert.Contains("held by", said, StringComparison.Ordinal);
        Assert.Contains(" since ", said, StringComparison.Ordinal);

        var sent = network.Requests.Where(q => q.AccessKey == loser).ToList();
        Assert.DoesNotContain(sent, q => q.Is(HttpMethod.Post, "/rrset"));
        Assert.DoesNotContain(sent, q => q.Method == HttpMethod.Put && q.Uri.AbsolutePath.Contains("/journal/", StringComparison.Ordinal));
        Assert.Single(network.Requests, q => q.Is(HttpMethod.Post, "/rrset"));
        Assert.Equal(winner == "op-a" ? 10 : 30, (await account.RecordsAsync())["green"].Weight);
        using var s3 = _moto.S3(region: AwsAccount.Region);
        Assert.Null(await new S3Lock(s3, account.State, TimeProvider.System).ReadAsync(CancellationToken.None));
        return winner;
    }
}
