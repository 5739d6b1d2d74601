using BlueGreen.Aws.State;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Aws.Tests.State;

/// <summary>
/// Several writers appending the same sequence numbers at the same moment, on moto, round after round:
/// exactly one wins each sequence, the others get a conflict, and the journal holds every winner once.
/// </summary>
public sealed class S3JournalConcurrencyTests : IClassFixture<MotoFixture>
{
    private const int Writers = 3;
    private const int Rounds = 40;

    private readonly MotoFixture _moto;

    public S3JournalConcurrencyTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task StoresAppendingTheSameSequence_ExactlyOneWinsEach_AndNoRecordIsLostOrDuplicated()
    {
        var location = new S3StateLocation(await _moto.CreateBucketAsync(), "test");
        using var network = new FaultInjectingHandler().SerializeConditionalWrites();
        var clients = Enumerable.Range(0, Writers).Select(_ => _moto.S3(network)).ToList();
        try
        {
            var stores = clients.Select(c => new S3JournalStore(c, location)).ToList();
            var winners = new List<string>();
            var conflicts = 0;
            for (var sequence = 1; sequence <= Rounds; sequence++)
            {
                var round = sequence;
                var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                var attempts = stores.Select((store, writer) => Task.Run(async () =>
                {
                    await start.Task;
                    var record = $"{{\"writer\":{writer},\"seq\":{round}}}";
                    try
                    {
                        await store.AppendAsync(round, record, CancellationToken.None);
                        return record;
                    }
                    catch (JournalConflictException e)
                    {
                        Assert.Contains($"already has record {round}", e.Message, StringComparison.Ordinal);
                        return null;
                    }
                })).ToList();
                start.SetResult();
                var results = await Task.WhenAll(attempts);

                winners.Add(Assert.Single(results, r => r is not null)!);
                conflicts += results.Count(r => r is null);
            }

            Assert.Equal(Rounds * (Writers - 1), conflicts);
            Assert.Equal(winners, await stores[0].ReadAsync(CancellationToken.None));
        }
        finally
        {
            clients.ForEach(c => c.Dispose());
        }
    }

    [Fact]
    public async Task TwoEnginesJournals_RacingForEachEvent_OneRecordsIt_TheOtherIsRefusedAndSeesItOnReopening()
    {
        const int rounds = 20;
        var location = new S3StateLocation(await _moto.CreateBucketAsync(), "test");
        using var network = new FaultInjectingHandler().SerializeConditionalWrites();
        using var first = _moto.S3(network);
        using var second = _moto.S3(network);
        IJournalStore[] stores = [new S3JournalStore(first, location), new S3JournalStore(second, location)];
        var setup = await CutoverJournal.OpenAsync(stores[0], CancellationToken.None);
        await setup.AppendAsync(new CutoverStarted("blue", "green", 2, 1, "plan", Weights.ForShare("blue", "green", 0)) { At = At, UpgradeId = "u1" }, CancellationToken.None);
        await setup.AppendAsync(new VerificationStarted { At = At }, CancellationToken.None);
        var recorded = new List<CutoverEvent>();

        for (var round = 0; round < rounds; round++)
        {
            // Each engine opens the journal as it stands, then both record their own reading of the same interval.
            var journals = await Task.WhenAll(stores.Select(s => CutoverJournal.OpenAsync(s, CancellationToken.None)));
            Assert.All(journals, j => Assert.Equal(2 + round, j.Entries.Count));
            var events = Enumerable.Range(0, 2).Select(engine => Interval(round, engine)).ToList();
            var start = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            var attempts = journals.Select((journal, engine) => Task.Run(async () =>
            {
                await start.Task;
                try
                {
                    await journal.AppendAsync(events[engine], CancellationToken.None);
                    return true;
                }
                catch (JournalConflictException)
                {
                    return false;
                }
            })).ToList();
            start.SetResult();
            var won = await Task.WhenAll(attempts);

            var winner = Array.IndexOf(won, true);
            Assert.Equal(1, won.Count(w => w));
            recorded.Add(events[winner]);
            Assert.Equal(2 + round, journals[1 - winner].Entries.Count);
        }

        var final = await CutoverJournal.ReadAsync(stores[1], CancellationToken.None);
        Assert.Empty(final.Warnings);
        Assert.Equal(recorded, final.Entries.Skip(2).Select(e => e.Event));
        Assert.Equal(Enumerable.Range(1, 2 + rounds).Select(i => (long)i), final.Entries.Select(e => e.Sequence));
    }

    private static readonly DateTimeOffset At = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    // The engines' clocks differ by a millisecond, so the journal shows whose event won.
    private static IntervalEvaluated Interval(int round, int engine) =>
        new(0, At.AddSeconds(round * 10), new GateReading(GateVerdict.Pass, new IntervalMetrics(100 + engine, 0, TimeSpan.FromMilliseconds(20)), "within the gates"), null, true) { At = At.AddSeconds((round * 10) + 10).AddMilliseconds(engine) };
}
