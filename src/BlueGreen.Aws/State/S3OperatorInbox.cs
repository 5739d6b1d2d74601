using System.Text.Json;
using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Operators;

namespace BlueGreen.Aws.State;

/// <summary>
/// The operator inbox in S3: one object per request at <c>&lt;prefix&gt;/requests/&lt;id&gt;.json</c>, so an operator on
/// any machine with access to the journal bucket can pause, abort, promote or roll back a running engine. A single
/// PUT is atomic, so a reader never sees half a request. An object that is not a valid request is moved to
/// <c>&lt;prefix&gt;/rejected-requests/</c> and reported, so it never stops a running upgrade.
/// </summary>
public sealed class S3OperatorInbox : IOperatorInbox
{
    private const string Folder = "requests/";
    private const string RejectedFolder = "rejected-requests/";
    private const string Extension = ".json";

    private readonly IAmazonS3 _s3;
    private readonly S3StateLocation _location;
    private readonly List<string> _rejections = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public S3OperatorInbox(IAmazonS3 s3, S3StateLocation location)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(location);
        _s3 = s3;
        _location = location;
    }

    /// <summary>Where the requests live, as an s3:// URL.</summary>
    public string Location => $"{_location}/{Folder}";

    /// <summary>The key a request with <paramref name="requestId"/> is stored under.</summary>
    public string KeyOf(string requestId) => _location.Key(Folder + requestId + Extension);

    /// <exception cref="ArgumentException">The request's id is not hexadecimal.</exception>
    /// <exception cref="OperatorInboxException">S3 refused the write.</exception>
    public async Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OperatorRequest.IsValidId(request.Id))
        {
            throw new ArgumentException($"The request id '{request.Id}' must be 1 to 64 hexadecimal digits.", nameof(request));
        }

        try
        {
            await _s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _location.Bucket,
                    Key = KeyOf(request.Id),
                    ContentBody = JsonSerializer.Serialize(request, JournalJson.Options),
                    ContentType = "application/json",

                    // One small object: a plain signed body, not aws-chunked encoding.
                    UseChunkEncoding = false,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e)
        {
            throw new OperatorInboxException(S3Errors.Explain(e, "storing the operator request", _location), e);
        }
    }

    /// <exception cref="OperatorInboxException">The requests cannot be listed or read.</exception>
    public async Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken)
    {
        var requests = new List<(OperatorRequest Request, DateTime StoredAt)>();
        foreach (var (key, storedAt) in await ListKeysAsync(cancellationToken).ConfigureAwait(false))
        {
            var text = await TryGetTextAsync(key, cancellationToken).ConfigureAwait(false);
            if (text is null)
            {
                // Completed by the engine between listing and reading.
                continue;
            }

            string? problem;
            try
            {
                var request = JsonSerializer.Deserialize<OperatorRequest>(text, JournalJson.Options);
                problem = Problem(request, key);
                if (problem is null)
                {
                    requests.Add((request!, storedAt));
                    continue;
                }
            }
            catch (Exception e) when (e is JsonException or NotSupportedException)
            {
                problem = $"it cannot be read ({e.Message})";
            }

            await RejectAsync(key, text, problem, cancellationToken).ConfigureAwait(false);
        }

        // Keys sort by id, not by time; the submitter's RequestedAt is its own clock, which may be off.
        // S3's LastModified is one clock for every submitter; the id breaks ties.
        return [.. requests.OrderBy(r => r.StoredAt).ThenBy(r => r.Request.Id, StringComparer.Ordinal).Select(r => r.Request)];
    }

    public async Task CompleteAsync(string requestId, CancellationToken cancellationToken)
    {
        // Only a hexadecimal id names a key: anything else could reach outside the requests.
        if (!OperatorRequest.IsValidId(requestId))
        {
            return;
        }

        try
        {
            await _s3.DeleteObjectAsync(_location.Bucket, KeyOf(requestId), cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            // Already gone: completing is idempotent.
        }
        catch (AmazonS3Exception e)
        {
            throw new OperatorInboxException(S3Errors.Explain(e, "removing a handled operator request", _location), e);
        }
    }

    public IReadOnlyList<string> TakeRejections()
    {
        var taken = _rejections.ToList();
        _rejections.Clear();
        return taken;
    }

    private string? Problem(OperatorRequest? request, string key) => request switch
    {
        null => "it holds no request",
        { Id: var id } when !OperatorRequest.IsValidId(id) => $"its id '{id}' is not 1 to 64 hexadecimal digits",
        { RequestedBy: null } => "it does not say who made it (requestedBy)",
        _ when !Enum.IsDefined(request.Action) => $"its action {request.Action} is unknown",
        _ when key != KeyOf(request.Id) => $"its key does not end with its id '{request.Id}'",
        _ => null,
    };

    private async Task<List<(string Key, DateTime StoredAt)>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var prefix = _location.Key(Folder);
        var keys = new List<(string Key, DateTime StoredAt)>();
        string? token = null;
        try
        {
            do
            {
                var page = await _s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = prefix, ContinuationToken = token }, cancellationToken).ConfigureAwait(false);
                keys.AddRange((page.S3Objects ?? [])
                    .Where(o => o.Key.EndsWith(Extension, StringComparison.Ordinal) && !o.Key[prefix.Length..].Contains('/', StringComparison.Ordinal))
                    .Select(o => (o.Key, (o.LastModified ?? DateTime.MinValue).ToUniversalTime())));
                token = page.IsTruncated == true ? page.NextContinuationToken : null;
            }
            while (token is not null);
        }
        catch (AmazonS3Exception e)
        {
            throw new OperatorInboxException(S3Errors.Explain(e, "listing the operator requests", _location), e);
        }

        return keys;
    }

    private async Task<string?> TryGetTextAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await S3Objects.TryReadTextAsync(_s3, _location.Bucket, key, cancellationToken).ConfigureAwait(false))?.Text;
        }
        catch (AmazonS3Exception e)
        {
            throw new OperatorInboxException(S3Errors.Explain(e, $"reading the operator request {key}", _location), e);
        }
    }

    private async Task RejectAsync(string key, string text, string problem, CancellationToken cancellationToken)
    {
        var rejected = _location.Key(RejectedFolder + key[(_location.Key(Folder).Length)..]);
        string where;
        try
        {
            // Copy by rewriting the body it was read with, then delete: plain PUT and DELETE only.
            await _s3.PutObjectAsync(new PutObjectRequest { BucketName = _location.Bucket, Key = rejected, ContentBody = text, ContentType = "application/json", UseChunkEncoding = false }, cancellationToken).ConfigureAwait(false);
            await _s3.DeleteObjectAsync(_location.Bucket, key, cancellationToken).ConfigureAwait(false);
            where = $"it was moved to s3://{_location.Bucket}/{rejected}";
        }
        catch (AmazonS3Exception e)
        {
            // Still skipped on every read; reported once, so the notices do not repeat every poll.
            if (!_reported.Add(key))
            {
                return;
            }

            where = $"it could not be set aside ({e.ErrorCode} {e.Message}) and is skipped";
        }

        _rejections.Add($"The operator request s3://{_location.Bucket}/{key} was rejected: {problem}; {where}. Make the request again with the bluegreen command.");
    }
}
