using System.Net;
using Amazon.S3.Model;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Journal;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On s3rver for storage, listing and order; on request shapes for the conditional writes s3rver ignores.</summary>
public sealed class S3JournalStoreTests : IClassFixture<S3rverFixture>
{
    private readonly S3rverFixture _s3rver;

    public S3JournalStoreTests(S3rverFixture s3rver)
    {
        _s3rver = s3rver;
    }

    [Fact]
    public async Task AnEmptyJournal_HasNoRecords()
    {
        using var s3 = _s3rver.Client();

        Assert.Empty(await Store(s3).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Appends_AndReadsBackInSequenceOrder_PastTheTenthRecord()
    {
        using var s3 = _s3rver.Client();
        var store = Store(s3);
        var records = Enumerable.Range(1, 12).Select(i => $"{{\"seq\":{i}}}").ToList();

        for (var i = 0; i < records.Count; i++)
        {
            await store.AppendAsync(i + 1, records[i], CancellationToken.None);
        }

        Assert.Equal(records, await store.ReadAsync(CancellationToken.None));
        Assert.StartsWith("s3://bluegreen-test/", store.Location, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DropLast_RemovesOnlyTheLastRecord()
    {
        using var s3 = _s3rver.Client();
        var store = Store(s3);
        await store.AppendAsync(1, "one", CancellationToken.None);
        await store.AppendAsync(2, "tw", CancellationToken.None);

        await store.DropLastAsync(CancellationToken.None);

        Assert.Equal(["one"], await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DropLast_DeletesOnlyTheVersionOfTheTornRecordItRead()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, Listing("test/journal/000000000001.json"))
            .Answer(HttpStatusCode.OK, "{\"torn")
            .Answer(HttpStatusCode.NoContent);
        using var s3 = recorder.Client();
        var store = new S3JournalStore(s3, new S3StateLocation("state", "test"));
        await store.ReadAsync(CancellationToken.None);

        await store.DropLastAsync(CancellationToken.None);

        var delete = recorder.Requests[2];
        Assert.Equal((HttpMethod.Delete, "/state/test/journal/000000000001.json"), (delete.Method, delete.Path));
        Assert.Equal(SdkShapeRecorder.ETagOf("{\"torn"), delete.Headers["If-Match"]);
    }

    [Fact]
    public async Task DropLast_OfATornRecordRewrittenMeanwhile_IsAConflict()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, Listing("test/journal/000000000001.json"))
            .Answer(HttpStatusCode.OK, "{\"torn")
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed);
        using var s3 = recorder.Client();
        var store = new S3JournalStore(s3, new S3StateLocation("state", "test"));
        await store.ReadAsync(CancellationToken.None);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => store.DropLastAsync(CancellationToken.None));

        Assert.Contains("was rewritten while it was being dropped", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AStrayObjectUnderJournal_IsNotARecord()
    {
        using var s3 = _s3rver.Client();
        var location = NewLocation();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = location.Key("journal/000000000001.json"), ContentBody = "one", UseChunkEncoding = false });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = location.Key("journal/notes.txt"), ContentBody = "a person's notes", UseChunkEncoding = false });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = location.Key("journal/backup/000000000002.json"), ContentBody = "copy", UseChunkEncoding = false });

        Assert.Equal(["one"], await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ARecordThatCannotBeRead_IsAnIOError_WithASentence()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.OK, Listing("test/journal/000000000001.json"))
            .Answer(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
        using var s3 = recorder.Client();

        var error = await Assert.ThrowsAsync<IOException>(() => new S3JournalStore(s3, new S3StateLocation("state", "test")).ReadAsync(CancellationToken.None));

        Assert.StartsWith("S3 denied reading the journal record test/journal/000000000001.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3:GetObject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_ARecordWhosePredecessorIsMissing()
    {
        using var s3 = _s3rver.Client();
        var store = Store(s3);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(3, "three", CancellationToken.None));

        Assert.Contains("has no record 2", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reports_AGapInTheJournal_AsCorrupt()
    {
        using var s3 = _s3rver.Client();
        var location = NewLocation();
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = location.Key("journal/000000000001.json"), ContentBody = "one" });
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = S3rverFixture.Bucket, Key = location.Key("journal/000000000003.json"), ContentBody = "three" });

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));

        Assert.Contains("has no record 2", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_WritesWithIfNoneMatch_SoASecondWriterCannotOverwrite()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.OK).Answer(HttpStatusCode.OK);
        using var s3 = recorder.Client();

        await new S3JournalStore(s3, new S3StateLocation("state", "test")).AppendAsync(2, "two", CancellationToken.None);

        Assert.Equal([HttpMethod.Head, HttpMethod.Put], recorder.Requests.Select(r => r.Method));
        Assert.Equal("/state/test/journal/000000000001.json", recorder.Requests[0].Path);
        var put = recorder.Requests[1];
        Assert.Equal("/state/test/journal/000000000002.json", put.Path);
        Assert.Equal("*", put.Headers["If-None-Match"]);
    }

    [Fact]
    public async Task Append_ThatLosesTheRace_IsAConflict()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.PreconditionFailed, "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message><Condition>If-None-Match</Condition></Error>")
            .Answer(HttpStatusCode.OK, "the other writer's record");
        using var s3 = recorder.Client();

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, new S3StateLocation("state", "test")).AppendAsync(1, "one", CancellationToken.None));

        Assert.Contains("already has record 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_SucceedsWhenTheStoredRecordIsItsOwn()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.InternalServerError, InternalError)
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed)
            .Echo(0);
        using var s3 = recorder.Client(maxErrorRetry: 1);

        await new S3JournalStore(s3, new S3StateLocation("state", "test")).AppendAsync(1, "one", CancellationToken.None);

        Assert.Equal([HttpMethod.Put, HttpMethod.Put, HttpMethod.Get], recorder.Requests.Select(r => r.Method));
        Assert.Equal("/state/test/journal/000000000001.json", recorder.Requests[2].Path);
    }

    [Fact]
    public async Task Append_WhoseRetryGets412_IsAConflict_WhenTheStoredRecordDiffers()
    {
        var recorder = new SdkShapeRecorder()
            .Answer(HttpStatusCode.InternalServerError, InternalError)
            .Answer(HttpStatusCode.PreconditionFailed, PreconditionFailed)
            .Answer(HttpStatusCode.OK, "the other writer's record");
        using var s3 = recorder.Client(maxErrorRetry: 1);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, new S3StateLocation("state", "test")).AppendAsync(1, "one", CancellationToken.None));

        Assert.Contains("already has record 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Append_ThatIsDenied_SaysWhichPermissions()
    {
        var recorder = new SdkShapeRecorder().Answer(HttpStatusCode.Forbidden, "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>");
        using var s3 = recorder.Client();

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, new S3StateLocation("state", "test")).AppendAsync(1, "one", CancellationToken.None));

        Assert.Contains("s3:PutObject", error.Message, StringComparison.Ordinal);
    }

    private const string InternalError = "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>";

    private const string PreconditionFailed = "<Error><Code>PreconditionFailed</Code><Message>At least one of the pre-conditions you specified did not hold</Message></Error>";

    private static string Listing(params string[] keys) =>
        "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>state</Name><Prefix>test/journal/</Prefix>"
        + $"<KeyCount>{keys.Length}</KeyCount><MaxKeys>1000</MaxKeys><IsTruncated>false</IsTruncated>"
        + string.Concat(keys.Select(k => $"<Contents><Key>{k}</Key><LastModified>2026-11-27T09:00:00.000Z</LastModified><ETag>&quot;0&quot;</ETag><Size>10</Size><StorageClass>STANDARD</StorageClass></Contents>"))
        + "</ListBucketResult>";

    private static S3StateLocation NewLocation() => new(S3rverFixture.Bucket, "env-" + Guid.NewGuid().ToString("N")[..8]);

    private static S3JournalStore Store(Amazon.S3.IAmazonS3 s3) => new(s3, NewLocation());
}
