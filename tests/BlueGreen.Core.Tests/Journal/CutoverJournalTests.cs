using System.Text.Json;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Journal;

public sealed partial class CutoverJournalTests
{
    [Fact]
    public async Task AnEmptyJournal_IsTheInitialState()
    {
        var journal = await CutoverJournal.OpenAsync(new InMemoryJournalStore(), CancellationToken.None);

        Assert.Empty(journal.Entries);
        Assert.Equal(CutoverState.Initial, journal.State);
        Assert.Empty(journal.Warnings);
    }

    [Fact]
    public async Task AnEmptyFile_IsTheInitialState()
    {
        using var temp = new TempDirectory();
        await File.WriteAllTextAsync(temp.File("journal.jsonl"), string.Empty);

        var journal = await CutoverJournal.OpenAsync(new FileJournalStore(temp.File("journal.jsonl")), CancellationToken.None);

        Assert.Empty(journal.Entries);
        Assert.Empty(journal.Warnings);
    }

    [Fact]
    public async Task Appended_Events_ReadBackEqual_WithTheSameState()
    {
        var store = new InMemoryJournalStore();
        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);
        foreach (var evt in JournalSamples.Events)
        {
            await journal.AppendAsync(evt, CancellationToken.None);
        }

        var read = await CutoverJournal.ReadAsync(store, CancellationToken.None);

        Assert.Equal(JournalSamples.Events, read.Entries.Select(e => e.Event));
        Assert.Equal([1L, 2, 3, 4, 5], read.Entries.Select(e => e.Sequence));
        Assert.Equal(journal.State, read.State);
        Assert.Equal(JournalSamples.Lines(), store.Records);
    }

    [Fact]
    public void ARecord_IsOneJsonObject_WithSequenceChecksumAndTypedEvent()
    {
        var line = JournalSamples.Lines()[3];

        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.DoesNotContain('\n', line);
        Assert.Equal(["seq", "sum", "event"], root.EnumerateObject().Select(p => p.Name));
        Assert.Equal(4, root.GetProperty("seq").GetInt64());
        Assert.Matches("^[0-9a-f]{16}$", root.GetProperty("sum").GetString());
        var evt = root.GetProperty("event");
        Assert.Equal("stepStarted", evt.GetProperty("type").GetString());
        Assert.Equal(10, evt.GetProperty("weights").GetProperty("green").GetInt32());
        Assert.Equal(JournalSamples.At.AddSeconds(3), evt.GetProperty("at").GetDateTimeOffset());
    }

    [Fact]
    public async Task ATornLastLine_IsDroppedWithAWarning_AndTheStoreRepaired()
    {
        var lines = JournalSamples.Lines();
        var store = await JournalSamples.StoreWith([.. lines[..4], lines[4][..30]]);

        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);

        Assert.Equal(4, journal.Entries.Count);
        var warning = Assert.Single(journal.Warnings);
        Assert.Contains("torn line 5", warning, StringComparison.Ordinal);
        Assert.Equal(lines[..4], store.Records);
        await journal.AppendAsync(JournalSamples.Events[4], CancellationToken.None);
        Assert.Equal(lines, store.Records);
    }

    [Fact]
    public async Task ALastLineWithABadChecksum_IsTornToo()
    {
        var lines = JournalSamples.Lines();
        lines[4] = lines[4].Replace("\"green\":10", "\"green\":11", StringComparison.Ordinal);
        var store = await JournalSamples.StoreWith(lines);

        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);

        Assert.Equal(4, journal.Entries.Count);
        Assert.Contains("checksum does not match", Assert.Single(journal.Warnings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReadingOnly_SkipsATornLastLine_WithoutRepairingTheStore()
    {
        var lines = JournalSamples.Lines();
        var store = await JournalSamples.StoreWith([.. lines[..4], "{\"seq\":5,"]);

        var journal = await CutoverJournal.ReadAsync(store, CancellationToken.None);

        Assert.Equal(4, journal.Entries.Count);
        Assert.Equal(5, store.Records.Count);
    }

    [Fact]
    public async Task ACorruptedMiddleLine_StopsWithItsLineNumber_AndChangesNothing()
    {
        var lines = JournalSamples.Lines();
        lines[1] = lines[1].Replace("verificationStarted", "verificationStartet", StringComparison.Ordinal);
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(2, error.Line);
        Assert.Contains("(in memory) is damaged at line 2: the checksum does not match", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines, store.Records);
    }

    [Fact]
    public async Task AnEmptyMiddleLine_StopsWithItsLineNumber()
    {
        var lines = JournalSamples.Lines();
        var store = await JournalSamples.StoreWith([lines[0], string.Empty, .. lines[1..]]);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(2, error.Line);
        Assert.Contains("the line is empty", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(3)]
    [InlineData(6)]
    public async Task AnUnknownEventType_FromANewerVersion_Stops_EvenOnTheLastLine(int line)
    {
        var lines = JournalSamples.Lines();
        lines.Insert(line - 1, JournalSamples.UnknownType(line));
        for (var i = line; i < lines.Count; i++)
        {
            lines[i] = CutoverJournal.Format(new JournalEntry(i + 1, JournalSamples.Events[i - 1]));
        }

        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(line, error.Line);
        Assert.Contains("the event type 'canaryAnalysis' is unknown; this journal was written by a newer bluegreen", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines.Count, store.Records.Count);
    }

    [Fact]
    public async Task DuplicateSequenceNumbers_StopNamingBothLines()
    {
        var lines = JournalSamples.Lines();
        lines.Insert(3, CutoverJournal.Format(new JournalEntry(3, JournalSamples.Events[2])));
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(4, error.Line);
        Assert.Contains("sequence number 3 appears again (first at line 3); two processes wrote to this journal", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AGapInTheSequence_Stops()
    {
        var lines = JournalSamples.Lines();
        lines[2] = CutoverJournal.Format(new JournalEntry(4, JournalSamples.Events[2]));
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(3, error.Line);
        Assert.Contains("the sequence number is 4, expected 3", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEventThatCannotFollowTheOnesBefore_Stops()
    {
        var lines = JournalSamples.Lines();
        lines[1] = CutoverJournal.Format(new JournalEntry(2, new StepCompleted(1) { At = JournalSamples.At }));
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(2, error.Line);
        Assert.Contains("the event cannot follow the ones before it", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TwoWriters_TheSecondAppendOfASequence_Conflicts()
    {
        var store = await JournalSamples.StoreWith(JournalSamples.Lines()[..2]);
        var first = await CutoverJournal.OpenAsync(store, CancellationToken.None);
        var second = await CutoverJournal.OpenAsync(store, CancellationToken.None);
        await first.AppendAsync(JournalSamples.Events[2], CancellationToken.None);

        await Assert.ThrowsAsync<JournalConflictException>(() => second.AppendAsync(JournalSamples.Events[2], CancellationToken.None));
        Assert.Equal(3, store.Records.Count);
    }

    [Fact]
    public async Task AnEventTheStateCannotTake_IsNeverWritten()
    {
        var store = new InMemoryJournalStore();
        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);

        await Assert.ThrowsAsync<InvalidOperationException>(() => journal.AppendAsync(new DrainStarted { At = JournalSamples.At }, CancellationToken.None));
        Assert.Empty(store.Records);
    }
}
