using System.Diagnostics;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Bench.Engine;

/// <summary>Latency of durable appends to a journal file on local disk: each one written and fsynced.</summary>
internal static class JournalBench
{
    private static readonly DateTimeOffset Start = new(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);

    public static async Task<IReadOnlyList<TimeSpan>> RawAppendsAsync(string directory, int appends)
    {
        var store = new FileJournalStore(Path.Combine(directory, "raw.jsonl"));
        var record = CutoverJournal.Format(new JournalEntry(1, Interval(0)));
        var samples = new List<TimeSpan>(appends);
        for (var i = 1; i <= appends; i++)
        {
            var before = Stopwatch.GetTimestamp();
            await store.AppendAsync(i, record, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(before));
        }

        return samples;
    }

    public static async Task<IReadOnlyList<TimeSpan>> JournalAppendsAsync(string directory, int appends)
    {
        var journal = await CutoverJournal.OpenAsync(new FileJournalStore(Path.Combine(directory, "journal.jsonl")), CancellationToken.None);
        var weights = Weights.ForShare("blue", "green", 50);
        await journal.AppendAsync(new CutoverStarted("blue", "green", 1, 0, "bench", Weights.ForShare("blue", "green", 0)) { At = Start }, CancellationToken.None);
        await journal.AppendAsync(new VerificationStarted { At = Start }, CancellationToken.None);
        await journal.AppendAsync(new VerificationPassed { At = Start }, CancellationToken.None);
        await journal.AppendAsync(new StepStarted(0, weights) { At = Start }, CancellationToken.None);
        await journal.AppendAsync(new WeightsApplied(0, weights) { At = Start }, CancellationToken.None);
        var samples = new List<TimeSpan>(appends);
        for (var i = 0; i < appends; i++)
        {
            var evt = Interval(i);
            var before = Stopwatch.GetTimestamp();
            await journal.AppendAsync(evt, CancellationToken.None);
            samples.Add(Stopwatch.GetElapsedTime(before));
        }

        return samples;
    }

    private static IntervalEvaluated Interval(int i)
    {
        var metrics = new IntervalMetrics(500, 1, TimeSpan.FromMilliseconds(80));
        var reading = new GateReading(GateVerdict.Pass, metrics, "success rate 99.8 %, p99 80 ms over 500 requests");
        var end = Start.AddSeconds(30 * (i + 1));
        return new IntervalEvaluated(0, end.AddSeconds(-30), reading, reading, Counted: true) { At = end };
    }
}
