using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On s3rver: submit, pending in request order, complete, and malformed objects set aside.</summary>
public sealed class S3OperatorInboxTests : IClassFixture<S3rverFixture>
{
    private readonly S3rverFixture _s3rver;

    public S3OperatorInboxTests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
    }

    [Fact]
    public async Task AnEmptyInbox_HasNoRequests()
    {
        using var s3 = _s3rver.Client();

        Assert.Empty(await Inbox(s3, out _).PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Submits_UnderRequestsById_AndReadsBackInTheOrderS3StoredThem()
    {
        using var s3 = _s3rver.Client();
        var inbox = Inbox(s3, out var location);
        var first = Request("0f", OperatorAction.Abort, Clock.Start.AddSeconds(5));
        var second = Request("ff", OperatorAction.Pause, Clock.Start) with { Upgrade = "abc" };

        await inbox.SubmitAsync(first, CancellationToken.None);
        await inbox.SubmitAsync(second, CancellationToken.None);

        // The submitters' clocks disagree (second says it was made earlier); S3's LastModified decides,
        // and within one LastModified the id does, which also puts 0f first.
        Assert.Equal([first, second], await inbox.PendingAsync(CancellationToken.None));
        var stored = await s3.GetObjectAsync(S3rverFixture.Bucket, $"{location.Prefix}/requests/ff.json");
        Assert.Equal("application/json", stored.Headers.ContentType);
        Assert.Empty(inbox.TakeRejections());
    }

    [Fact]
    public async Task Complete_RemovesTheRequest_AndAnUnknownIdDoesNothing()
    {
        using var s3 = _s3rver.Client();
        var inbox = Inbox(s3, out _);
        await inbox.SubmitAsync(Request("a1", OperatorAction.Promote, Clock.Start), CancellationToken.None);
        await inbox.SubmitAsync(Request("b2", OperatorAction.Rollback, Clock.Start), CancellationToken.None);

        await inbox.CompleteAsync("a1", CancellationToken.None);
        await inbox.CompleteAsync("c3", CancellationToken.None);
        await inbox.CompleteAsync("../journal", CancellationToken.None);

        Assert.Equal(["b2"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
    }

    [Fact]
    public async Task AnotherInboxOnTheSameLocation_SeesTheRequest()
    {
        using var s3 = _s3rver.Client();
        var submitter = Inbox(s3, out var location);
        await submitter.SubmitAsync(Request("c0ffee", OperatorAction.Pause, Clock.Start), CancellationToken.None);

        var engineSide = new S3OperatorInbox(s3, location);

        Assert.Equal("c0ffee", Assert.Single(await engineSide.PendingAsync(CancellationToken.None)).Id);
    }

    [Theory]
    [InlineData("not json", "cannot be read")]
    [InlineData("null", "holds no request")]
    [InlineData("{\"id\":\"zz\",\"action\":\"pause\",\"force\":false,\"requestedBy\":\"a\",\"requestedAt\":\"2026-11-27T09:00:00+00:00\"}", "is not 1 to 64 hexadecimal digits")]
    [InlineData("{\"id\":\"0b\",\"action\":\"pause\",\"force\":false,\"requestedBy\":\"a\",\"requestedAt\":\"2026-11-27T09:00:00+00:00\"}", "its key does not end with its id '0b'")]
    public async Task AMalformedRequest_IsSetAside_AndReportedOnce(string body, string problem)
    {
        using var s3 = _s3rver.Client();
        var inbox = Inbox(s3, out var location);
        await inbox.SubmitAsync(Request("0c", OperatorAction.Pause, Clock.Start), CancellationToken.None);
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = $"{location.Prefix}/requests/0a.json", ContentBody = body, UseChunkEncoding = false });

        var pending = await inbox.PendingAsync(CancellationToken.None);

        Assert.Equal(["0c"], pending.Select(r => r.Id));
        var rejection = Assert.Single(inbox.TakeRejections());
        Assert.Contains($"s3://{S3rverFixture.Bucket}/{location.Prefix}/requests/0a.json was rejected", rejection, StringComparison.Ordinal);
        Assert.Contains(problem, rejection, StringComparison.Ordinal);
        Assert.Contains("rejected-requests/0a.json", rejection, StringComparison.Ordinal);
        var kept = await s3.GetObjectAsync(S3rverFixture.Bucket, $"{location.Prefix}/rejected-requests/0a.json");
        using (var reader = new StreamReader(kept.ResponseStream))
        {
            Assert.Equal(body, await reader.ReadToEndAsync());
        }

        Assert.Equal(["0c"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(inbox.TakeRejections());
    }

    [Fact]
    public async Task ANonHexadecimalId_IsRefusedOnSubmit()
    {
        using var s3 = _s3rver.Client();

        await Assert.ThrowsAsync<ArgumentException>(() => Inbox(s3, out _).SubmitAsync(Request("../x", OperatorAction.Pause, Clock.Start), CancellationToken.None));
    }

    [Fact]
    public async Task AMissingBucket_IsAnInboxErrorThatSaysWhatToDo()
    {
        using var s3 = _s3rver.Client();
        var inbox = new S3OperatorInbox(s3, new S3StateLocation("no-such-bucket", "test"));

        var error = await Assert.ThrowsAsync<OperatorInboxException>(() => inbox.SubmitAsync(Request("0d", OperatorAction.Pause, Clock.Start), CancellationToken.None));

        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrappedInTheStampingInbox_ARequestCarriesTheJournalsUpgrade()
    {
        using var s3 = _s3rver.Client();
        var raw = Inbox(s3, out var location);
        var journal = new S3JournalStore(s3, location);
        var inbox = new UpgradeStampingInbox(raw, journal);

        await inbox.SubmitAsync(Request("0e", OperatorAction.Pause, Clock.Start), CancellationToken.None);

        // No upgrade has started in this journal: the request is for the next one.
        Assert.Null(Assert.Single(await raw.PendingAsync(CancellationToken.None)).Upgrade);
        Assert.Empty((await CutoverJournal.ReadAsync(journal, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task OrdersByS3LastModified_NotByTheSubmittersClockOrTheKey()
    {
        var late = Request("01", OperatorAction.Abort, Clock.Start);
        var early = Request("ff", OperatorAction.Pause, Clock.Start.AddMinutes(5));
        var recorder = new SdkShapeRecorder()
            .Answer(System.Net.HttpStatusCode.OK, Listing(("test/requests/01.json", "2026-11-27T09:00:05.000Z"), ("test/requests/ff.json", "2026-11-27T09:00:01.000Z")))
            .Answer(System.Net.HttpStatusCode.OK, System.Text.Json.JsonSerializer.Serialize(late, JournalJson.Options))
            .Answer(System.Net.HttpStatusCode.OK, System.Text.Json.JsonSerializer.Serialize(early, JournalJson.Options));
        using var s3 = recorder.Client();

        var pending = await new S3OperatorInbox(s3, new S3StateLocation("state", "test")).PendingAsync(CancellationToken.None);

        Assert.Equal([early, late], pending);
    }

    private static string Listing(params (string Key, string LastModified)[] objects) =>
        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>state</Name><Prefix>test/requests/</Prefix>"
        + $"<KeyCount>{objects.Length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
        + string.Concat(objects.Select(o => $"<Contents><Key>{o.Key}</Key><LastModified>{o.LastModified}</LastModified><ETag>&quot;0&quot;</ETag><Size>100</Size><StorageClass>STANDARD</StorageClass></Contents>"))
        + "</ListBucketResult>";

    private static OperatorRequest Request(string id, OperatorAction action, DateTimeOffset at) => new(id, action, false, "alice@laptop (pid 1)", at);

    private static S3OperatorInbox Inbox(IAmazonS3 s3, out S3StateLocation location)
    {
        // Each test its own environment prefix, so tests sharing one s3rver never see each other's requests.
        location = new S3StateLocation(S3rverFixture.Bucket, "env-" + Guid.NewGuid().ToString("N")[..8]);
        return new S3OperatorInbox(s3, location);
    }
}
