using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Operators;

public sealed class DirectoryOperatorInboxTests : IDisposable
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 9, 0, 0, TimeSpan.Zero);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private DirectoryOperatorInbox NewInbox() => new(_temp.File("requests"));

    [Fact]
    public async Task AMissingDirectory_HasNoRequests()
    {
        Assert.Empty(await NewInbox().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Submitted_Requests_AreSeenByAnotherInstance_OldestFirst()
    {
        var later = new OperatorRequest("b", OperatorAction.Resume, false, "bob@laptop (pid 7)", At.AddSeconds(5));
        var earlier = new OperatorRequest("a", OperatorAction.Promote, true, "alice@build-7 (pid 1)", At);
        await NewInbox().SubmitAsync(later, CancellationToken.None);
        await NewInbox().SubmitAsync(earlier, CancellationToken.None);

        Assert.Equal([earlier, later], await NewInbox().PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Complete_RemovesOnlyThatRequest_AndAnUnknownIdIsFine()
    {
        var inbox = NewInbox();
        await inbox.SubmitAsync(new OperatorRequest("a", OperatorAction.Pause, false, "x", At), CancellationToken.None);
        await inbox.SubmitAsync(new OperatorRequest("b", OperatorAction.Resume, false, "x", At.AddSeconds(1)), CancellationToken.None);

        await inbox.CompleteAsync("a", CancellationToken.None);
        await inbox.CompleteAsync("nope", CancellationToken.None);

        Assert.Equal(["b"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(Directory.GetFiles(_temp.File("requests"), "*.tmp"));
    }

    [Fact]
    public async Task AnUnreadableRequest_StopsWithTheFileAndWhatToDo()
    {
        Directory.CreateDirectory(_temp.File("requests"));
        await File.WriteAllTextAsync(_temp.File("requests/00000000000000000001-x.request.json"), "{\"action\":\"explode\"}");

        var error = await Assert.ThrowsAsync<OperatorInboxException>(() => NewInbox().PendingAsync(CancellationToken.None));

        Assert.Contains("00000000000000000001-x.request.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("Delete the file and make the request again", error.Message, StringComparison.Ordinal);
    }
}
