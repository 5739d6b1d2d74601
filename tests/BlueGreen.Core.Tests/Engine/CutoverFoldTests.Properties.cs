using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;
using CsCheck;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverFoldTests
{
    private static readonly IntervalMetrics[] Kinds =
        [ScriptedMetrics.Healthy, ScriptedMetrics.Healthy, ScriptedMetrics.Healthy, ScriptedMetrics.Healthy, ScriptedMetrics.Healthy, ScriptedMetrics.Failing, ScriptedMetrics.Failing, ScriptedMetrics.Sparse, ScriptedMetrics.Slow];

    private static readonly OperatorAction[] Actions = Enum.GetValues<OperatorAction>();

    private static readonly Gen<Scenario> Scenarios =
        from shares in Gen.Int[1, 99].Array[0, 3]
        from bakes in Gen.Int[0, 3].Array[5]
        from timedPause in Gen.Bool
        from approval in Gen.Bool
        from candidate in Gen.Int[0, Kinds.Length - 1].Array[0, 30]
        from live in Gen.Int[0, Kinds.Length - 1].Array[0, 30]
        from requests in Gen.Select(Gen.Int[1, 40], Gen.Int[0, Actions.Length - 1], Gen.Bool).Array[0, 3]
        from liveAbort in Gen.Bool
        from afterFinal in Gen.Enum<AfterFinal>()
        select new Scenario(shares, bakes, timedPause, approval, candidate, live, requests, liveAbort, afterFinal);

    [Fact]
    public async Task TheFoldOfEveryPrefixOfEveryRun_IsAValidState_EqualToWhatTheEngineHeld()
    {
        var endings = new HashSet<OutcomeKind>();
        await SeededCheck.SampleAsync(Scenarios, async s => endings.Add(await CheckScenario(s)), cases: 400);

        // The scenarios reach every way an upgrade can end, so the property is not checked on happy paths only.
        Assert.Superset(new HashSet<OutcomeKind> { OutcomeKind.Completed, OutcomeKind.RolledBack, OutcomeKind.Aborted }, endings);
    }

    private static async Task<OutcomeKind> CheckScenario(Scenario scenario)
    {
        var harness = new EngineHarness(scenario.Plan()) { Options = new() { PollPeriod = TimeSpan.FromSeconds(10), StopWhenPaused = true } };
        var candidate = new Queue<int>(scenario.Candidate);
        var live = new Queue<int>(scenario.Live);
        harness.Metrics.Script = q => Kinds[(q.Colour == "green" ? candidate : live).TryDequeue(out var kind) ? kind : 0];
        var held = new List<CutoverState>();
        harness.Observer.OnEvent = (entry, state) =>
        {
            held.Add(state);
            foreach (var (at, action, force) in scenario.Requests.Where(r => r.At == held.Count))
            {
                harness.Inbox.SubmitAsync(OperatorRequest.Create(Actions[action], harness.Clock, force), CancellationToken.None).GetAwaiter().GetResult();
            }
        };

        // An upgrade that pauses is resumed by the next run, a few times at most.
        var outcome = await harness.RunAsync();
        for (var run = 0; run < 4 && outcome.Kind == OutcomeKind.Paused; run++)
        {
            await harness.SubmitAsync(OperatorAction.Resume);
            outcome = await harness.RunAsync();
        }

        var events = await harness.EventsAsync();
        Assert.Equal(held.Count, events.Count);
        for (var i = 0; i <= events.Count; i++)
        {
            var state = CutoverFold.Fold(events.Take(i));
            Assert.True(state.Invariants().Count == 0, $"After {i} of {events.Count} events: {string.Join("; ", state.Invariants())}");
            if (i > 0)
            {
                StateAssert.Equivalent(held[i - 1], state);
            }
        }

        Assert.True(outcome.State.IsTerminal || outcome.Kind == OutcomeKind.Paused, $"Ended {outcome.Kind}: {outcome.Reason}");
        return outcome.Kind;
    }

    /// <summary>A random plan, random gate readings per colour, and operator requests after random events.</summary>
    internal sealed record Scenario(int[] Shares, int[] Bakes, bool TimedPause, bool Approval, int[] Candidate, int[] Live, (int At, int Action, bool Force)[] Requests, bool LiveAbort, AfterFinal AfterFinal)
    {
        public CutoverPlan Plan()
        {
            var steps = new List<PlanStep>();
            var i = 0;
            foreach (var percent in Shares.Distinct().Order())
            {
                steps.Add(EngineHarness.Share(percent, Bakes[i++]));
            }

            if (TimedPause)
            {
                steps.Insert(steps.Count > 0 ? 1 : 0, new TimedPauseStep(EngineHarness.Interval * Bakes[3]));
            }

            if (Approval)
            {
                steps.Add(new ApprovalStep("sign off"));
            }

            steps.Add(EngineHarness.Share(100, Bakes[4]));
            switch (AfterFinal)
            {
                case AfterFinal.TimedPause:
                    steps.Add(new TimedPauseStep(EngineHarness.Interval * Bakes[3]));
                    break;
                case AfterFinal.Approval:
                    steps.Add(new ApprovalStep("after the final step"));
                    break;
            }

            var plan = EngineHarness.DefaultPlan([.. steps]);
            return plan with { Gates = plan.Gates with { LiveDegradation = LiveAbort ? LiveDegradation.Abort : LiveDegradation.Report } };
        }

        public override string ToString() =>
            $"shares [{string.Join(",", Shares)}] bakes [{string.Join(",", Bakes)}] pause {TimedPause} approval {Approval} candidate [{string.Join(",", Candidate)}] live [{string.Join(",", Live)}] requests [{string.Join(",", Requests.Select(r => $"{r.At}:{Actions[r.Action]}{(r.Force ? "!" : string.Empty)}"))}] liveAbort {LiveAbort} afterFinal {AfterFinal}";
    }

    /// <summary>What follows the final 100 % step, where a promotion must still lead to the drain.</summary>
    internal enum AfterFinal
    {
        Nothing,
        TimedPause,
        Approval,
    }
}
