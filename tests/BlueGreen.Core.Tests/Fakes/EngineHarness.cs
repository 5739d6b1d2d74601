using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>An engine with fakes for everything outside it, driven by a stepping fake clock.</summary>
internal sealed class EngineHarness
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(30);

    public EngineHarness(CutoverPlan? plan = null)
    {
        Plan = plan ?? DefaultPlan();
        Router = new FakeRouter(Plan.RollbackWeights) { JournalLength = () => Store.Records.Count };
    }

    public SteppingClock Clock { get; } = new();

    public FakeRouter Router { get; }

    public ScriptedMetrics Metrics { get; } = new();

    public FakeProbe Probe { get; } = new();

    public InMemoryJournalStore Store { get; } = new();

    public InMemoryInbox Inbox { get; } = new();

    public RecordingObserver Observer { get; } = new();

    /// <summary>The sources that judge user traffic (gates.source); none: <see cref="Metrics"/> alone.</summary>
    public List<GateSource> Sources { get; } = [];

    /// <summary>Checks beyond the metrics (gates.alarms).</summary>
    public List<IGateCheck> Checks { get; } = [];

    public CutoverPlan Plan { get; set; }

    public CutoverEngineOptions Options { get; set; } = new() { PollPeriod = TimeSpan.FromSeconds(10) };

    /// <summary>blue -> green: 10 %, 50 %, 100 %, each baking 2 intervals; 1 interval of verification; 2 min drain.</summary>
    public static CutoverPlan DefaultPlan(params PlanStep[] steps) => new()
    {
        From = "blue",
        To = "green",
        Steps = steps.Length > 0 ? steps : [Share(10), Share(50), Share(100)],
        Drain = TimeSpan.FromMinutes(2),
        Gates = new GatesConfig
        {
            Interval = Interval,
            MinRequests = 20,
            FailureThreshold = 3,
            InconclusiveLimit = 3,
            Verification = Interval,
        },
    };

    public static SetShareStep Share(int percent, int intervals = 2) => new(percent, Interval * intervals);

    public Weights WeightsFor(int percent) => Plan.WeightsFor(percent);

    public CutoverEngine NewEngine(IJournalStore? store = null) => new(Plan, Services(store), Options);

    public CutoverServices Services(IJournalStore? store = null) => new()
    {
        Router = Router,
        Metrics = Metrics,
        UserTrafficSources = Sources,
        Checks = Checks,
        Probe = Probe,
        Journal = store ?? Store,
        Lock = new InMemoryLock(Clock),
        Inbox = Inbox,
        Time = Clock,
        Observers = [Observer],
    };

    public Task<CutoverOutcome> RunAsync(IJournalStore? store = null) => Clock.DriveAsync(() => NewEngine(store).RunAsync(CancellationToken.None));

    /// <summary>The events in the store, read back through the journal.</summary>
    public async Task<IReadOnlyList<CutoverEvent>> EventsAsync() =>
        (await CutoverJournal.ReadAsync(Store, CancellationToken.None)).Entries.Select(e => e.Event).ToList();

    public Task SubmitAsync(OperatorAction action, bool force = false) =>
        Inbox.SubmitAsync(OperatorRequest.Create(action, Clock, force), CancellationToken.None);

    /// <summary>Submits <paramref name="action"/> once, right after the first event that matches <paramref name="when"/>.</summary>
    public void SubmitWhen(Func<CutoverEvent, CutoverState, bool> when, OperatorAction action, bool force = false)
    {
        var previous = Observer.OnEvent;
        var done = false;
        Observer.OnEvent = (entry, state) =>
        {
            previous?.Invoke(entry, state);
            if (!done && when(entry.Event, state))
            {
                done = true;
                Inbox.SubmitAsync(OperatorRequest.Create(action, Clock, force), CancellationToken.None).GetAwaiter().GetResult();
            }
        };
    }

    /// <summary>Every router call that set weights, in order.</summary>
    public List<Weights> Sets() => Router.Calls.Where(c => c.Action == "set").Select(c => c.Weights!).ToList();
}
