using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Tests.Journal;

public sealed partial class CutoverJournalTests
{
    [Fact]
    public async Task AStoreThatCannotBeRead_StopsWithWhatToDo()
    {
        var error = await Assert.ThrowsAsync<CutoverException>(() => CutoverJournal.OpenAsync(new BrokenStore(), CancellationToken.None));

        Assert.Contains("The journal s3://bucket/test could not be read (No space left on device)", error.Message, StringComparison.Ordinal);
        Assert.Contains("Nothing was changed", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStoreThatCannotBeWritten_StopsWithWhatToDo_AndTheStateStaysAtTheLastRecord()
    {
        var store = new BrokenStore { ReadWorks = true };
        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);

        var error = await Assert.ThrowsAsync<CutoverException>(() => journal.AppendAsync(JournalSamples.Events[0], CancellationToken.None));

        Assert.Contains("could not be written (No space left on device)", error.Message, StringComparison.Ordinal);
        Assert.Empty(journal.Entries);
        Assert.False(journal.State.Started);
    }

    [Fact]
    public async Task AWholeLastRecordThatCannotBeRead_IsDamage_NeverDroppedAsTorn()
    {
        var lines = JournalSamples.Lines();
        lines.Add(JournalSamples.WithValidChecksum(6, """{"type":"stepCompleted","at":"2026-03-01T08:00:05+00:00","step":"first"}"""));
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.OpenAsync(store, CancellationToken.None));

        Assert.Equal(6, error.Line);
        Assert.Contains("damaged at line 6: the 'stepCompleted' event cannot be read", error.Message, StringComparison.Ordinal);
        Assert.Equal(lines, store.Records);
    }

    [Fact]
    public async Task AnEventWithoutAType_IsDamage_NotANewerVersion()
    {
        var lines = JournalSamples.Lines();
        lines.Add(JournalSamples.WithValidChecksum(6, """{"at":"2026-03-01T08:00:05+00:00","step":0}"""));
        var store = await JournalSamples.StoreWith(lines);

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => CutoverJournal.ReadAsync(store, CancellationToken.None));

        Assert.Equal(6, error.Line);
        Assert.Contains("damaged at line 6: the event has no type", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("newer", error.Message, StringComparison.Ordinal);
    }

    private sealed class BrokenStore : IJournalStore
    {
        public bool ReadWorks { get; init; }

        public string Location => "s3://bucket/test";

        public Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken) =>
            ReadWorks ? Task.FromResult<IReadOnlyList<string>>([]) : throw new IOException("No space left on device");

        public Task AppendAsync(long sequence, string record, CancellationToken cancellationToken) => throw new IOException("No space left on device");

        public Task DropLastAsync(CancellationToken cancellationToken) => throw new IOException("No space left on device");
    }
}
