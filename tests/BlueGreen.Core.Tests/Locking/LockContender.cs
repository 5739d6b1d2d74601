using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Locking;

/// <summary>
/// An operator's engine in its own process, on the local journal, lock and inbox of a state
/// directory. It waits at an approval step until an operator request ends it, and reports on
/// standard output: "proceeding", "refused &lt;message&gt;" or "outcome &lt;kind&gt;".
/// </summary>
internal static class LockContender
{
    public const string Command = "contend";

    public static async Task<int> RunAsync(string stateDirectory)
    {
        var time = TimeProvider.System;
        var plan = new CutoverPlan
        {
            From = "blue",
            To = "green",
            Steps = [new ApprovalStep("hold the lock"), new SetShareStep(100, TimeSpan.Zero)],
            Drain = TimeSpan.Zero,
            Gates = new GatesConfig { Interval = TimeSpan.FromMilliseconds(200), Verification = TimeSpan.Zero },
        };
        var router = new FakeRouter(Weights.ForShare("blue", "green", 0));
        var services = CutoverServices.Local(stateDirectory, router, new ScriptedMetrics(), new FakeProbe(), time) with { Observers = [new Reporter()] };
        var engine = new CutoverEngine(plan, services, new CutoverEngineOptions { PollPeriod = TimeSpan.FromMilliseconds(50) });
        try
        {
            var outcome = await engine.RunAsync(CancellationToken.None);
            Console.WriteLine($"outcome {outcome.Kind}");
            return 0;
        }
        catch (LockHeldException e)
        {
            Console.WriteLine($"refused {e.Message}");
            return 1;
        }
    }

    private sealed class Reporter : ICutoverObserver
    {
        public void OnRecorded(JournalEntry entry, CutoverState state)
        {
            if (entry.Sequence == 1)
            {
                Console.WriteLine("proceeding");
            }
        }

        public void OnNotice(EngineNotice notice)
        {
        }
    }
}
