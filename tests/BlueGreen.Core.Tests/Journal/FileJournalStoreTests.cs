using System.Text;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Journal;

public sealed class FileJournalStoreTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    private string JournalPath => _temp.File("env/journal.jsonl");

    public void Dispose() => _temp.Dispose();

    [Fact]
    public async Task AMissingFile_ReadsEmpty_AndTheFirstAppendCreatesItAndItsDirectory()
    {
        var store = new FileJournalStore(JournalPath);

        Assert.Empty(await store.ReadAsync(CancellationToken.None));
        await store.AppendAsync(1, "one", CancellationToken.None);

        Assert.Equal("one\n", await File.ReadAllTextAsync(JournalPath));
    }

    [Fact]
    public async Task Appends_AreOneLineEach_ReadBackInOrder()
    {
        var store = new FileJournalStore(JournalPath);
        await store.AppendAsync(1, "one", CancellationToken.None);
        await store.AppendAsync(2, "two", CancellationToken.None);

        Assert.Equal(["one", "two"], await new FileJournalStore(JournalPath).ReadAsync(CancellationToken.None));
        Assert.Equal("one\ntwo\n", await File.ReadAllTextAsync(JournalPath));
    }

    [Theory]
    [InlineData(2)]
    [InlineData(4)]
    public async Task AnAppendWhoseSequenceIsTakenOrOutOfOrder_Conflicts(long sequence)
    {
        var store = new FileJournalStore(JournalPath);
        await store.AppendAsync(1, "one", CancellationToken.None);
        await store.AppendAsync(2, "two", CancellationToken.None);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(sequence, "again", CancellationToken.None));

        Assert.Contains("holds 2 records", error.Message, StringComparison.Ordinal);
        Assert.Equal("one\ntwo\n", await File.ReadAllTextAsync(JournalPath));
    }

    [Fact]
    public async Task AnAppendByAnotherWriter_IsNoticed_AndTheStaleSequenceConflicts()
    {
        var mine = new FileJournalStore(JournalPath);
        var theirs = new FileJournalStore(JournalPath);
        await mine.AppendAsync(1, "one", CancellationToken.None);
        await theirs.ReadAsync(CancellationToken.None);
        await theirs.AppendAsync(2, "theirs", CancellationToken.None);

        await Assert.ThrowsAsync<JournalConflictException>(() => mine.AppendAsync(2, "mine", CancellationToken.None));
    }

    [Fact]
    public async Task ACompleteLastRecordWithoutItsNewline_GetsOneBeforeTheNextAppend()
    {
        await WriteAsync("one\ntwo");
        var store = new FileJournalStore(JournalPath);
        Assert.Equal(["one", "two"], await store.ReadAsync(CancellationToken.None));

        await store.AppendAsync(3, "three", CancellationToken.None);

        Assert.Equal("one\ntwo\nthree\n", await File.ReadAllTextAsync(JournalPath));
    }

    [Theory]
    [InlineData("one\ntwo\n", "one\n")]
    [InlineData("one\ntw", "one\n")]
    [InlineData("one\n", "")]
    [InlineData("on", "")]
    [InlineData("", "")]
    public async Task DropLast_RemovesExactlyTheLastRecord(string before, string after)
    {
        await WriteAsync(before);

        await new FileJournalStore(JournalPath).DropLastAsync(CancellationToken.None);

        Assert.Equal(after, await File.ReadAllTextAsync(JournalPath));
    }

    [Fact]
    public async Task ATornFile_IsRepairedByTheJournal_SoTheNextAppendIsClean()
    {
        var lines = JournalSamples.Lines();
        await WriteAsync(string.Join('\n', lines[..4]) + "\n" + lines[4][..25]);
        var store = new FileJournalStore(JournalPath);

        var journal = await CutoverJournal.OpenAsync(store, CancellationToken.None);
        await journal.AppendAsync(JournalSamples.Events[4], CancellationToken.None);

        Assert.Equal(string.Join('\n', lines) + "\n", await File.ReadAllTextAsync(JournalPath));
        Assert.Equal(5, (await CutoverJournal.ReadAsync(new FileJournalStore(JournalPath), CancellationToken.None)).Entries.Count);
    }

    [Fact]
    public async Task ARecordWithANewline_IsRefused()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => new FileJournalStore(JournalPath).AppendAsync(1, "a\nb", CancellationToken.None));
    }

    private Task WriteAsync(string text)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(JournalPath)!);
        return File.WriteAllBytesAsync(JournalPath, Encoding.UTF8.GetBytes(text));
    }
}
