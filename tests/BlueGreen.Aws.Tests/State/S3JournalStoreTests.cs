using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Aws.State;
using BlueGreen.Core.Journal;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On moto, which enforces If-None-Match on PUT and If-Match on DELETE as S3 does: storage, order, repair, races and lost answers.</summary>
public sealed class S3JournalStoreTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public S3JournalStoreTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AnEmptyJournal_HasNoRecords()
    {
        using var s3 = _moto.S3();

        Assert.Empty(await new S3JournalStore(s3, await NewLocationAsync()).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Appends_AndReadsBackInSequenceOrder_PastTheTenthRecord()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var store = new S3JournalStore(s3, location);
        var records = Enumerable.Range(1, 12).Select(i => $"{{\"seq\":{i}}}").ToList();

        for (var i = 0; i < records.Count; i++)
        {
            await store.AppendAsync(i + 1, records[i], CancellationToken.None);
        }

        Assert.Equal(records, await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
        Assert.Equal($"s3://{location.Bucket}/test/journal/", store.Location);
        Assert.Equal("application/json", (await s3.GetObjectMetadataAsync(location.Bucket, "test/journal/000000000012.json")).Headers.ContentType);
    }

    [Fact]
    public async Task DropLast_RemovesOnlyTheLastRecord()
    {
        using var s3 = _moto.S3();
        var store = new S3JournalStore(s3, await NewLocationAsync());
        await store.AppendAsync(1, "one", CancellationToken.None);
        await store.AppendAsync(2, "tw", CancellationToken.None);
        await store.ReadAsync(CancellationToken.None);

        await store.DropLastAsync(CancellationToken.None);

        Assert.Equal(["one"], await store.ReadAsync(CancellationToken.None));
        await store.AppendAsync(2, "two", CancellationToken.None);
        Assert.Equal(["one", "two"], await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DropLast_OfATornRecordRewrittenMeanwhile_IsAConflict_AndTheRewrittenRecordStays()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var store = new S3JournalStore(s3, location);
        await store.AppendAsync(1, "{\"torn", CancellationToken.None);
        await store.ReadAsync(CancellationToken.None);

        // Another process rewrites the record after this one read it: its ETag changes, so If-Match fails on moto.
        await s3.PutObjectAsync(new PutObjectRequest { BucketName = location.Bucket, Key = "test/journal/000000000001.json", ContentBody = "whole", UseChunkEncoding = false });

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => store.DropLastAsync(CancellationToken.None));

        Assert.Contains("The torn record test/journal/000000000001.json", error.Message, StringComparison.Ordinal);
        Assert.Contains("was rewritten while it was being dropped", error.Message, StringComparison.Ordinal);
        Assert.Equal(["whole"], await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DropLast_OfARecordAlreadyDropped_DoesNothing()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var store = new S3JournalStore(s3, location);
        await store.AppendAsync(1, "one", CancellationToken.None);
        await store.AppendAsync(2, "{\"torn", CancellationToken.None);
        await store.ReadAsync(CancellationToken.None);
        await s3.DeleteObjectAsync(location.Bucket, "test/journal/000000000002.json");

        await store.DropLastAsync(CancellationToken.None);

        Assert.Equal(["one"], await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AStrayObjectUnderJournal_IsNotARecord()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        await PutAsync(s3, location, "journal/000000000001.json", "one");
        await PutAsync(s3, location, "journal/notes.txt", "a person's notes");
        await PutAsync(s3, location, "journal/backup/000000000002.json", "copy");
        await PutAsync(s3, location, "journal/2.json", "short name");

        Assert.Equal(["one"], await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Reports_AGapInTheJournal_AsCorrupt()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        await PutAsync(s3, location, "journal/000000000001.json", "one");
        await PutAsync(s3, location, "journal/000000000003.json", "three");

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));

        Assert.Contains("has no record 2 but has test/journal/000000000003.json", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Refuses_ARecordWhosePredecessorIsMissing()
    {
        using var s3 = _moto.S3();
        var store = new S3JournalStore(s3, await NewLocationAsync());

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => store.AppendAsync(3, "three", CancellationToken.None));

        Assert.Contains("has no record 2, so record 3 cannot follow it", error.Message, StringComparison.Ordinal);
        Assert.Empty(await store.ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Append_ThatLosesTheRace_IsAConflict_AndTheWinnersRecordStays()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        await new S3JournalStore(s3, location).AppendAsync(1, "the other writer's record", CancellationToken.None);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, location).AppendAsync(1, "one", CancellationToken.None));

        Assert.Contains("already has record 1: another process is writing to it", error.Message, StringComparison.Ordinal);
        Assert.Equal(["the other writer's record"], await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Append_WhoseFirstAnswerWasLost_AndWhoseRetryGets412_SucceedsWhenTheStoredRecordIsItsOwn()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().LoseAnswer(r => r.Is(HttpMethod.Put, "/journal/000000000001.json"));
        using var s3 = _moto.S3(network, maxErrorRetry: 1);

        await new S3JournalStore(s3, location).AppendAsync(1, "one", CancellationToken.None);

        Assert.Equal(["PUT", "PUT", "GET"], network.Requests.Select(r => r.Method.Method));
        Assert.All(network.Requests.Take(2), put => Assert.Equal("*", put.Headers["If-None-Match"]));
        Assert.Equal(["one"], await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Append_WhoseRetryGets412_IsAConflict_WhenTheStoredRecordIsAnothers()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();

        // The first attempt never lands (a 500 in moto's place); before the retry, another writer stores record 1.
        using var network = new FaultInjectingHandler()
            .AnswerInstead(r => r.Is(HttpMethod.Put, "/journal/000000000001.json"), HttpStatusCode.InternalServerError, InternalError)
            .Before(r => r.Is(HttpMethod.Put, "/journal/000000000001.json"), () => new S3JournalStore(plain, location).AppendAsync(1, "the other writer's record", CancellationToken.None));
        using var s3 = _moto.S3(network, maxErrorRetry: 1);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, location).AppendAsync(1, "one", CancellationToken.None));

        Assert.Contains("already has record 1", error.Message, StringComparison.Ordinal);
        Assert.Equal(["the other writer's record"], await new S3JournalStore(plain, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Append_ThatIsDenied_SaysWhichPermissions_AndStoresNothing()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Method == HttpMethod.Put, HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<JournalConflictException>(() => new S3JournalStore(s3, location).AppendAsync(1, "one", CancellationToken.None));

        Assert.StartsWith($"S3 denied writing journal record 1 at {location}: Access Denied. Grant the caller s3:GetObject, s3:PutObject", error.Message, StringComparison.Ordinal);
        using var plain = _moto.S3();
        Assert.Empty(await new S3JournalStore(plain, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task ARecordThatCannotBeRead_IsAnIOError_WithASentence()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        await new S3JournalStore(plain, location).AppendAsync(1, "one", CancellationToken.None);
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Get, "/journal/000000000001.json"), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<IOException>(() => new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));

        Assert.StartsWith($"S3 denied reading the journal record test/journal/000000000001.json at {location}", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3:GetObject", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AJournalInAMissingBucket_SaysToDeployTheCommonStack()
    {
        using var s3 = _moto.S3();
        var location = new S3StateLocation(MotoFixture.NewName("no-such-bucket"), "test");

        var error = await Assert.ThrowsAsync<JournalCorruptException>(() => new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));

        Assert.Equal($"The bucket of {location} does not exist. Deploy the common stack, or check the journal bucket name (SSM /<env>/common/journal-bucket).", error.Message);
    }

    private const string AccessDenied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";

    private const string InternalError = "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>";

    private static Task PutAsync(IAmazonS3 s3, S3StateLocation location, string name, string body) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = location.Bucket, Key = location.Key(name), ContentBody = body, UseChunkEncoding = false });

    private async Task<S3StateLocation> NewLocationAsync() => new(await _moto.CreateBucketAsync(), "test");
}
