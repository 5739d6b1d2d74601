using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Journal;

/// <summary>A short valid journal: its events, their stored lines, records with a valid checksum around any event JSON, and a store holding given lines.</summary>
internal static class JournalSamples
{
    public static readonly DateTimeOffset At = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    public static readonly Weights Initial = Weights.ForShare("blue", "green", 0);

    public static IReadOnlyList<CutoverEvent> Events { get; } =
    [
        new CutoverStarted("blue", "green", 2, 1, "plan", Initial) { At = At },
        new VerificationStarted { At = At.AddSeconds(1) },
        new VerificationPassed { At = At.AddSeconds(2) },
        new StepStarted(0, Weights.ForShare("blue", "green", 10)) { At = At.AddSeconds(3) },
        new WeightsApplied(0, Weights.ForShare("blue", "green", 10)) { At = At.AddSeconds(4) },
    ];

    public static List<string> Lines() => Events.Select((e, i) => CutoverJournal.Format(new JournalEntry(i + 1, e))).ToList();

    /// <summary>A record with a valid checksum whose event type this version does not know.</summary>
    public static string UnknownType(long sequence)
    {
        const string json = """{"type":"canaryAnalysis","at":"2026-03-01T08:00:00+00:00","weight":3}""";
        return WithValidChecksum(sequence, json);
    }

    /// <summary>A whole record around <paramref name="eventJson"/>: its checksum holds, whatever the event says.</summary>
    public static string WithValidChecksum(long sequence, string eventJson) =>
        $$"""{"seq":{{sequence}},"sum":"{{CutoverJournal.Checksum(sequence, eventJson)}}","event":{{eventJson}}}""";

    public static async Task<InMemoryJournalStore> StoreWith(IEnumerable<string> lines)
    {
        var store = new InMemoryJournalStore();
        var sequence = 1;
        foreach (var line in lines)
        {
            await store.AppendAsync(sequence++, line, CancellationToken.None);
        }

        return store;
    }
}
