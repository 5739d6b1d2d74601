using System.Diagnostics;
using System.Net;
using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Aws.State;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;

namespace BlueGreen.Aws.Tests.State;

/// <summary>On moto: submit, pending in the order S3 stored the requests, complete, and malformed objects set aside.</summary>
public sealed class S3OperatorInboxTests : IClassFixture<MotoFixture>
{
    private readonly MotoFixture _moto;

    public S3OperatorInboxTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task AnEmptyInbox_HasNoRequests()
    {
        using var s3 = _moto.S3();

        Assert.Empty(await new S3OperatorInbox(s3, await NewLocationAsync()).PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Submits_UnderRequestsById_AsJson()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var inbox = new S3OperatorInbox(s3, location);
        var request = Request("0f", OperatorAction.Abort, Clock.Start) with { Upgrade = "abc" };

        await inbox.SubmitAsync(request, CancellationToken.None);

        Assert.Equal([request], await inbox.PendingAsync(CancellationToken.None));
        using var stored = await s3.GetObjectAsync(location.Bucket, "test/requests/0f.json");
        Assert.Equal("application/json", stored.Headers.ContentType);
        Assert.Equal($"s3://{location.Bucket}/test/requests/", inbox.Location);
        Assert.Empty(inbox.TakeRejections());
    }

    [Fact]
    public async Task OrdersByS3LastModified_NotByTheSubmittersClockOrTheId()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var inbox = new S3OperatorInbox(s3, location);

        // ff is stored first although its submitter's clock is five minutes ahead; 01 is stored a second later.
        var first = Request("ff", OperatorAction.Pause, Clock.Start.AddMinutes(5));
        await inbox.SubmitAsync(first, CancellationToken.None);
        await WaitUntilS3sClockPassesAsync(s3, location, await LastModifiedAsync(s3, location, "test/requests/ff.json"));
        var second = Request("01", OperatorAction.Abort, Clock.Start);
        await inbox.SubmitAsync(second, CancellationToken.None);

        Assert.Equal([first, second], await inbox.PendingAsync(CancellationToken.None));
    }

    [Fact]
    public async Task WithinOneLastModifiedSecond_OrdersById()
    {
        using var s3 = _moto.S3();

        // S3 keeps LastModified to the second; two requests stored within the same one are ordered by id. A pair that
        // happens to straddle a second boundary shows nothing about ties, so the test tries a fresh pair.
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var location = await NewLocationAsync();
            var inbox = new S3OperatorInbox(s3, location);
            var late = Request("ff", OperatorAction.Pause, Clock.Start);
            var early = Request("0f", OperatorAction.Abort, Clock.Start.AddSeconds(5));
            await inbox.SubmitAsync(late, CancellationToken.None);
            await inbox.SubmitAsync(early, CancellationToken.None);
            if (await LastModifiedAsync(s3, location, "test/requests/ff.json") != await LastModifiedAsync(s3, location, "test/requests/0f.json"))
            {
                continue;
            }

            Assert.Equal([early, late], await inbox.PendingAsync(CancellationToken.None));
            return;
        }

        Assert.Fail("Five pairs of requests in a row were stored in different seconds; S3's LastModified could not tie.");
    }

    [Fact]
    public async Task Complete_RemovesTheRequest_AndAnUnknownOrInvalidIdDoesNothing()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var inbox = new S3OperatorInbox(s3, location);
        await inbox.SubmitAsync(Request("a1", OperatorAction.Promote, Clock.Start), CancellationToken.None);
        await inbox.SubmitAsync(Request("b2", OperatorAction.Rollback, Clock.Start), CancellationToken.None);
        await PutAsync(s3, location, "journal/000000000001.json", "a journal record");

        await inbox.CompleteAsync("a1", CancellationToken.None);
        await inbox.CompleteAsync("a1", CancellationToken.None);
        await inbox.CompleteAsync("c3", CancellationToken.None);
        await inbox.CompleteAsync("../journal/000000000001", CancellationToken.None);

        Assert.Equal(["b2"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Single(await new S3JournalStore(s3, location).ReadAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnotherInboxOnTheSameLocation_SeesTheRequest()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        await new S3OperatorInbox(s3, location).SubmitAsync(Request("c0ffee", OperatorAction.Pause, Clock.Start), CancellationToken.None);

        var engineSide = new S3OperatorInbox(s3, location);

        Assert.Equal("c0ffee", Assert.Single(await engineSide.PendingAsync(CancellationToken.None)).Id);
    }

    [Theory]
    [InlineData("not json", "cannot be read")]
    [InlineData("null", "holds no request")]
    [InlineData("{\"id\":\"zz\",\"action\":\"pause\",\"force\":false,\"requestedBy\":\"a\",\"requestedAt\":\"2026-11-27T09:00:00+00:00\"}", "is not 1 to 64 hexadecimal digits")]
    [InlineData("{\"id\":\"0b\",\"action\":\"pause\",\"force\":false,\"requestedBy\":\"a\",\"requestedAt\":\"2026-11-27T09:00:00+00:00\"}", "its key does not end with its id '0b'")]
    [InlineData("{\"id\":\"0a\",\"action\":\"pause\",\"force\":false,\"requestedAt\":\"2026-11-27T09:00:00+00:00\"}", "does not say who made it")]
    public async Task AMalformedRequest_IsSetAside_AndReportedOnce(string body, string problem)
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var inbox = new S3OperatorInbox(s3, location);
        await inbox.SubmitAsync(Request("0c", OperatorAction.Pause, Clock.Start), CancellationToken.None);
        await PutAsync(s3, location, "requests/0a.json", body);

        var pending = await inbox.PendingAsync(CancellationToken.None);

        Assert.Equal(["0c"], pending.Select(r => r.Id));
        var rejection = Assert.Single(inbox.TakeRejections());
        Assert.Contains($"s3://{location.Bucket}/test/requests/0a.json was rejected", rejection, StringComparison.Ordinal);
        Assert.Contains(problem, rejection, StringComparison.Ordinal);
        Assert.Contains($"moved to s3://{location.Bucket}/test/rejected-requests/0a.json", rejection, StringComparison.Ordinal);
        Assert.Equal(body, await ReadTextAsync(s3, location.Bucket, "test/rejected-requests/0a.json"));
        Assert.Equal(["0c"], (await inbox.PendingAsync(CancellationToken.None)).Select(r => r.Id));
        Assert.Empty(inbox.TakeRejections());
    }

    [Fact]
    public async Task AMalformedRequestThatCannotBeSetAside_IsSkipped_AndReportedOnce()
    {
        var location = await NewLocationAsync();
        using var plain = _moto.S3();
        await PutAsync(plain, location, "requests/0a.json", "not json");
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Is(HttpMethod.Put, "/rejected-requests/"), HttpStatusCode.Forbidden, AccessDenied, times: 2);
        using var s3 = _moto.S3(network);
        var inbox = new S3OperatorInbox(s3, location);

        Assert.Empty(await inbox.PendingAsync(CancellationToken.None));
        var rejection = Assert.Single(inbox.TakeRejections());
        Assert.Contains("it could not be set aside (AccessDenied Access Denied) and is skipped", rejection, StringComparison.Ordinal);

        Assert.Empty(await inbox.PendingAsync(CancellationToken.None));
        Assert.Empty(inbox.TakeRejections());
        Assert.Equal("not json", await ReadTextAsync(plain, location.Bucket, "test/requests/0a.json"));
    }

    [Fact]
    public async Task ANonHexadecimalId_IsRefusedOnSubmit_AndNothingIsStored()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();

        await Assert.ThrowsAsync<ArgumentException>(() => new S3OperatorInbox(s3, location).SubmitAsync(Request("../x", OperatorAction.Pause, Clock.Start), CancellationToken.None));

        Assert.Empty((await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = location.Bucket })).S3Objects ?? []);
    }

    [Fact]
    public async Task AMissingBucket_IsAnInboxErrorThatSaysWhatToDo()
    {
        using var s3 = _moto.S3();
        var location = new S3StateLocation(MotoFixture.NewName("no-such-bucket"), "test");

        var error = await Assert.ThrowsAsync<OperatorInboxException>(() => new S3OperatorInbox(s3, location).SubmitAsync(Request("0d", OperatorAction.Pause, Clock.Start), CancellationToken.None));

        Assert.Equal($"The bucket of {location} does not exist. Deploy the common stack, or check the journal bucket name (SSM /<env>/common/journal-bucket).", error.Message);
    }

    [Fact]
    public async Task AListingThatIsDenied_SaysWhichPermissions()
    {
        var location = await NewLocationAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Method == HttpMethod.Get && r.Uri.Query.Contains("list-type=2", StringComparison.Ordinal), HttpStatusCode.Forbidden, AccessDenied);
        using var s3 = _moto.S3(network);

        var error = await Assert.ThrowsAsync<OperatorInboxException>(() => new S3OperatorInbox(s3, location).PendingAsync(CancellationToken.None));

        Assert.StartsWith($"S3 denied listing the operator requests at {location}", error.Message, StringComparison.Ordinal);
        Assert.Contains("s3:ListBucket", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WrappedInTheStampingInbox_ARequestWithNoUpgradeInProgress_IsRefused_AndNoObjectIsWritten()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var raw = new S3OperatorInbox(s3, location);
        var journal = new S3JournalStore(s3, location);
        var inbox = new UpgradeStampingInbox(raw, journal);

        var error = await Assert.ThrowsAsync<NoUpgradeInProgressException>(() => inbox.SubmitAsync(Request("0e", OperatorAction.Pause, Clock.Start), CancellationToken.None));

        Assert.Contains($"the journal {journal.Location} records none", error.Message, StringComparison.Ordinal);
        Assert.Empty(await raw.PendingAsync(CancellationToken.None));
        Assert.Empty((await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = location.Bucket, Prefix = location.Key(string.Empty) })).S3Objects ?? []);
    }

    [Fact]
    public async Task WrappedInTheStampingInbox_ARequestDuringAnUpgrade_CarriesItsId()
    {
        using var s3 = _moto.S3();
        var location = await NewLocationAsync();
        var raw = new S3OperatorInbox(s3, location);
        var journal = new S3JournalStore(s3, location);
        var open = await CutoverJournal.OpenAsync(journal, CancellationToken.None);
        await open.AppendAsync(new CutoverStarted("blue", "green", 4, 3, "plan", Core.Traffic.Weights.AllTo("blue", ["green"])) { At = Clock.Start, UpgradeId = "00aa11bb22cc33dd" }, CancellationToken.None);

        await new UpgradeStampingInbox(raw, journal).SubmitAsync(Request("0f", OperatorAction.Pause, Clock.Start), CancellationToken.None);

        Assert.Equal("00aa11bb22cc33dd", Assert.Single(await raw.PendingAsync(CancellationToken.None)).Upgrade);
    }

    private const string AccessDenied = "<Error><Code>AccessDenied</Code><Message>Access Denied</Message></Error>";

    private static OperatorRequest Request(string id, OperatorAction action, DateTimeOffset at) => new(id, action, false, "alice@laptop (pid 1)", at);

    private static Task PutAsync(IAmazonS3 s3, S3StateLocation location, string name, string body) =>
        s3.PutObjectAsync(new PutObjectRequest { BucketName = location.Bucket, Key = location.Key(name), ContentBody = body, UseChunkEncoding = false });

    private static async Task<string> ReadTextAsync(IAmazonS3 s3, string bucket, string key)
    {
        using var response = await s3.GetObjectAsync(bucket, key);
        using var reader = new StreamReader(response.ResponseStream);
        return await reader.ReadToEndAsync();
    }

    private static async Task<DateTime> LastModifiedAsync(IAmazonS3 s3, S3StateLocation location, string key)
    {
        var listing = await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = location.Bucket, Prefix = key });
        return Assert.Single(listing.S3Objects).LastModified!.Value.ToUniversalTime();
    }

    // S3's LastModified has whole seconds: writes a probe object next to the requests until S3 stamps one later than <paramref name="after"/>.
    private static async Task WaitUntilS3sClockPassesAsync(IAmazonS3 s3, S3StateLocation location, DateTime after)
    {
        var waited = Stopwatch.StartNew();
        while (waited.Elapsed < TimeSpan.FromSeconds(30))
        {
            await PutAsync(s3, location, "probe.txt", "clock");
            if (await LastModifiedAsync(s3, location, "test/probe.txt") > after)
            {
                return;
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100));
        }

        Assert.Fail($"S3's LastModified did not move past {after:O} within 30 s.");
    }

    private async Task<S3StateLocation> NewLocationAsync() => new(await _moto.CreateBucketAsync(), "test");
}
