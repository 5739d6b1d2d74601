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
    public async Task AnUnreadableRequest_IsSetAsideAsRejected_AndReportedWithTheFileAndWhatToDo()
    {
        Directory.CreateDirectory(_temp.File("requests"));
        await File.WriteAllTextAsync(_temp.File("requests/00000000000000000001-0a.request.json"), "{\"action\":\"explode\"}");
        var inbox = NewInbox();
        await inbox.SubmitAsync(new OperatorRequest("b", OperatorAction.Resume, false, "x", At), CancellationToken.None);

        var pending = await inbox.PendingAsync(CancellationToken.None);

        Assert.Equal(["b"], pending.Select(r => r.Id));
        var rejection = Assert.Single(inbox.TakeRejections());
        Assert.Contains("00000000000000000001-0a.request.json", rejection, StringComparison.Ordinal);
        Assert.Contains("make the request again", rejection, StringComparison.OrdinalIgnoreCase);
        Assert.True(File.Exists(_temp.File("requests/00000000000000000001-0a.request.json.rejected")));
        Assert.Empty(inbox.TakeRejections());
        Assert.Equal(["b"], (await NewInbox().PendingAsync(CancellationToken.None)).Select(r => r.Id));
    }

    [Theory]
    [InlineData("*", "is not 1 to 64 hexadecimal digits")]
    [InlineData("../x", "is not 1 to 64 hexadecimal digits")]
    [InlineData("0c", "its name does not end with its id '0c'")]
    public async Task ARequestWithAHandWrittenId_IsRejected_SoItCannotActAsAPattern(string id, string problem)
    {
        // Given a hand-written file next to a real request
        var inbox = NewInbox();
        await inbox.SubmitAsync(new OperatorRequest("b", OperatorAction.Resume, false, "x", At), CancellationToken.None);
        var json = $$"""{"id":"{{id}}","action":"abort","force":false,"requestedBy":"x","requestedAt":"2026-03-01T09:00:00+00:00"}""";
        await File.WriteAllTextAsync(_temp.File("requests/00000000000000000001-0d.request.json"), json);

        // When the inbox is read and the hand-written id completed
        var pending = await inbox.PendingAsync(CancellationToken.None);
        await inbox.CompleteAsync(id, CancellationToken.None);

        // Then only the real request is pending, and it is still there
        Assert.Equal(["b"], pending.Select(r => r.Id));
        Assert.Contains(problem, Assert.Single(inbox.TakeRejections()), StringComparison.Ordinal);
        Assert.Equal(["b"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task Submit_RefusesAnIdThatIsNotHexadecimal()
    {
        var error = await Assert.ThrowsAsync<ArgumentException>(() => NewInbox().SubmitAsync(new OperatorRequest("*", OperatorAction.Abort, false, "x", At), CancellationToken.None));

        Assert.Contains("must be 1 to 64 hexadecimal digits", error.Message, StringComparison.Ordinal);
    }
}
