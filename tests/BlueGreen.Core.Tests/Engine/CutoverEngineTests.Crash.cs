using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Engine;

public sealed partial class CutoverEngineTests
{
    public static TheoryData<string, bool> Scenarios => new()
    {
        { "completes", false },
        { "completes", true },
        { "rolls back", false },
        { "rolls back", true },
        { "promoted", false },
        { "timed pause", false },
    };

    [Theory]
    [MemberData(nameof(Scenarios))]
    public async Task CrashAfterAnyEvent_ThenResume_EndsExactlyLikeTheUninterruptedRun(string scenario, bool tornWrite)
    {
        // Given the uninterrupted run of the scenario
        var reference = await Build(scenario);
        var expected = await reference.RunAsync();
        var events = reference.Store.Records.Count;
        Assert.True(events > 8, $"The scenario '{scenario}' records only {events} events.");

        for (var k = 1; k < events; k++)
        {
            // When the process dies after writing the k-th event (or in the middle of it), and a new engine resumes
            var harness = await Build(scenario);
            var crashing = new CrashingJournalStore(harness.Store, k, tornWrite);
            await Assert.ThrowsAsync<SimulatedCrashException>(() => harness.RunAsync(crashing));
            var atCrash = (await CutoverJournal.ReadAsync(harness.Store, CancellationToken.None)).State;
            var firstResumedCall = harness.Router.Calls.Count;
            var outcome = await harness.RunAsync();

            // Then it ends in the same place, with the same steps done and the same weights
            var context = $"crash after event {k} of {events} ({(tornWrite ? "torn" : "whole")}) in '{scenario}'";
            Assert.True(expected.Kind == outcome.Kind, $"{context}: {outcome.Kind} instead of {expected.Kind}: {outcome.Reason}");
            Assert.True(expected.State.Phase == outcome.State.Phase, $"{context}: ended {outcome.State.Phase}, expected {expected.State.Phase}");
            Assert.True(expected.State.CompletedSteps.SequenceEqual(outcome.State.CompletedSteps), $"{context}: completed steps {string.Join(",", outcome.State.CompletedSteps)}");
            Assert.True(reference.Router.Current.Equals(harness.Router.Current), $"{context}: final weights {harness.Router.Current}");
            await AssertNoStepSetAgainAfterItWasRecorded(harness, atCrash, firstResumedCall, context);
        }
    }

    private static async Task AssertNoStepSetAgainAfterItWasRecorded(EngineHarness harness, CutoverState atCrash, int firstResumedCall, string context)
    {
        var events = (await harness.EventsAsync()).ToList();
        var reassertions = 0;
        for (var i = 0; i < harness.Router.Calls.Count; i++)
        {
            var call = harness.Router.Calls[i];
            if (call.Action != "set")
            {
                continue;
            }

            var recordedDone = events.Take(call.JournalLength).OfType<WeightsApplied>().Any(w => w.Weights.Equals(call.Weights));
            if (!recordedDone)
            {
                continue;
            }

            // The one allowed exception: the resumed engine's first act, before it records anything.
            var isReassertion = i == firstResumedCall && call.JournalLength == atCrash.Sequence && call.Weights!.Equals(atCrash.AppliedWeights);
            Assert.True(isReassertion, $"{context}: router call {i} set {call.Weights} after that step was recorded done.");
            reassertions++;
        }

        Assert.True(reassertions <= 1, $"{context}: {reassertions} re-assertions.");
    }

    private static async Task<EngineHarness> Build(string scenario)
    {
        var harness = scenario switch
        {
            "timed pause" => new EngineHarness(EngineHarness.DefaultPlan(EngineHarness.Share(10), new TimedPauseStep(EngineHarness.Interval * 2), EngineHarness.Share(100))),
            _ => new EngineHarness(),
        };

        switch (scenario)
        {
            case "rolls back":
                // A function of the weights in effect, not of time, so a resumed run sees the same candidate.
                harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
                break;
            case "promoted":
                await harness.Inbox.SubmitAsync(new OperatorRequest("promote-1", OperatorAction.Promote, false, "ops@host (pid 1)", SteppingClock.Epoch), CancellationToken.None);
                break;
        }

        return harness;
    }
}
