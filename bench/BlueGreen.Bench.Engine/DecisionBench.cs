using System.Diagnostics;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Plans;

namespace BlueGreen.Bench.Engine;

/// <summary>
/// Time between consecutive interval records of one engine run: reading both colours' metrics,
/// judging them, recording the interval, folding it, checking the inbox and deciding what is next.
/// </summary>
internal static class DecisionBench
{
    public static async Task<IReadOnlyList<TimeSpan>> RunAsync(int intervals)
    {
        var interval = TimeSpan.FromSeconds(30);
        var plan = new CutoverPlan
        {
            From = "blue",
            To = "green",
            // One long bake at 50 %, then the final 100 % step every plan ends with.
            Steps = [new SetShareStep(50, interval * intervals), new SetShareStep(100, TimeSpan.Zero)],
            Drain = TimeSpan.Zero,
            Gates = new GatesConfig { Interval = interval, Verification = TimeSpan.Zero },
        };

        var world = new InMemoryWorld(plan.RollbackWeights);
        var stamps = new List<long>(intervals + 1);
        var services = new CutoverServices
        {
            Router = world,
            Metrics = world,
            Probe = world,
            Journal = new InMemoryJournalStore(),
            Lock = world,
            Inbox = world,
            Time = new InstantClock(),
            Observers = [new IntervalStamps(stamps)],
        };

        // Poll once per interval, so each interval is one wait.
        var engine = new CutoverEngine(plan, services, new CutoverEngineOptions { PollPeriod = interval, HeartbeatPeriod = TimeSpan.MaxValue });
        var outcome = await engine.RunAsync(CancellationToken.None);
        if (outcome.Kind != OutcomeKind.Completed)
        {
            throw new InvalidOperationException($"The benchmark run ended {outcome.Kind}: {outcome.Reason}");
        }

        // The first intervals warm the JIT up; they are not the steady state.
        return stamps.Zip(stamps.Skip(1), (a, b) => Stopwatch.GetElapsedTime(a, b)).Skip(Math.Min(1000, intervals / 10)).ToList();
    }

    private sealed class IntervalStamps(List<long> stamps) : ICutoverObserver
    {
        public void OnRecorded(JournalEntry entry, CutoverState state)
        {
            if (entry.Event is IntervalEvaluated)
            {
                stamps.Add(Stopwatch.GetTimestamp());
            }
        }

        public void OnNotice(EngineNotice notice)
        {
        }
    }
}
