using System.Globalization;
using Amazon.S3;
using Amazon.S3.Model;
using BlueGreen.Core.Journal;

namespace BlueGreen.Aws.State;

/// <summary>
/// The journal in S3: one object per record, keyed by its zero-padded sequence number under
/// <c>&lt;prefix&gt;/journal/</c>, each written with If-None-Match: * so two writers can never both
/// store the same sequence, and a record is only written after its predecessor exists.
/// </summary>
public sealed class S3JournalStore : IJournalStore
{
    private const string Folder = "journal/";
    private const int ReadParallelism = 16;

    private readonly IAmazonS3 _s3;
    private readonly S3StateLocation _location;

    // The last record the latest read returned, with its ETag: the one a repair may drop.
    private (string Key, string ETag)? _lastRead;

    public S3JournalStore(IAmazonS3 s3, S3StateLocation location)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(location);
        _s3 = s3;
        _location = location;
    }

    public string Location => $"{_location}/{Folder}";

    public async Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken)
    {
        var keys = await ListKeysAsync(cancellationToken).ConfigureAwait(false);
        for (var i = 0; i < keys.Count; i++)
        {
            if (SequenceOf(keys[i]) != i + 1)
            {
                throw new JournalCorruptException($"The journal {Location} has no record {i + 1} but has {keys[i]}; records must have no gaps. Restore the missing object from the bucket's versions, or move the journal aside to start over.");
            }
        }

        // A long upgrade has hundreds of records; fetch them side by side, keep them in sequence order.
        var records = new string[keys.Count];
        var etags = new string[keys.Count];
        await Parallel.ForEachAsync(
            Enumerable.Range(0, keys.Count),
            new ParallelOptions { MaxDegreeOfParallelism = ReadParallelism, CancellationToken = cancellationToken },
            async (i, ct) => (records[i], etags[i]) = await GetTextAsync(keys[i], ct).ConfigureAwait(false)).ConfigureAwait(false);
        _lastRead = keys.Count == 0 ? null : (keys[^1], etags[^1]);
        return records;
    }

    public async Task AppendAsync(long sequence, string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        if (sequence > 1 && !await ExistsAsync(KeyOf(sequence - 1), cancellationToken).ConfigureAwait(false))
        {
            throw new JournalConflictException($"The journal {Location} has no record {sequence - 1}, so record {sequence} cannot follow it. Another process changed the journal: make sure only one bluegreen runs against this environment.");
        }

        try
        {
            await _s3.PutObjectAsync(
                new PutObjectRequest
                {
                    BucketName = _location.Bucket,
                    Key = KeyOf(sequence),
                    ContentBody = record,
                    ContentType = "application/json",
                    IfNoneMatch = "*",

                    // One small object: a plain signed body, not aws-chunked encoding.
                    UseChunkEncoding = false,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e))
        {
            // The SDK retries a write whose answer was lost; then the 412 is about our own record.
            if (await ReadBackAsync(KeyOf(sequence), cancellationToken).ConfigureAwait(false) == record)
            {
                return;
            }

            throw new JournalConflictException($"The journal {Location} already has record {sequence}: another process is writing to it. Make sure only one bluegreen runs against this environment.", e);
        }
        catch (AmazonS3Exception e)
        {
            throw new JournalConflictException(S3Errors.Explain(e, $"writing journal record {sequence}", _location), e);
        }
    }

    /// <summary>
    /// Deletes the last record the latest read returned (the torn one), and only that version of it
    /// (If-Match on its ETag): a record another process wrote since is never deleted.
    /// </summary>
    public async Task DropLastAsync(CancellationToken cancellationToken)
    {
        if (_lastRead is null)
        {
            await ReadAsync(cancellationToken).ConfigureAwait(false);
        }

        if (_lastRead is not { } last)
        {
            return;
        }

        try
        {
            await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _location.Bucket, Key = last.Key, IfMatch = last.ETag }, cancellationToken).ConfigureAwait(false);
            _lastRead = null;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            // Already gone: another repair got there first.
            _lastRead = null;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsConditionFailed(e))
        {
            throw new JournalConflictException($"The torn record {last.Key} of the journal {Location} was rewritten while it was being dropped: another process is writing to it. Make sure only one bluegreen runs against this environment.", e);
        }
        catch (AmazonS3Exception e)
        {
            throw new JournalConflictException(S3Errors.Explain(e, $"dropping the torn journal record {last.Key}", _location), e);
        }
    }

    /// <summary>
    /// Moves every record under <c>&lt;prefix&gt;/&lt;name&gt;/</c> (each copied, then deleted), so a new upgrade starts on an
    /// empty journal and the old one is kept; returns where it went, or null when the journal was empty.
    /// </summary>
    public async Task<string?> MoveAsideAsync(string name, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var keys = await ListKeysAsync(cancellationToken).ConfigureAwait(false);
        if (keys.Count == 0)
        {
            return null;
        }

        var folder = _location.Key(name.Trim('/') + "/");
        try
        {
            foreach (var key in keys)
            {
                var target = folder + key[(key.LastIndexOf('/') + 1)..];
                await _s3.CopyObjectAsync(new CopyObjectRequest { SourceBucket = _location.Bucket, SourceKey = key, DestinationBucket = _location.Bucket, DestinationKey = target }, cancellationToken).ConfigureAwait(false);
            }

            // Newest first: an interrupted move leaves a journal without gaps, which the next move finishes.
            foreach (var key in Enumerable.Reverse(keys))
            {
                await _s3.DeleteObjectAsync(new DeleteObjectRequest { BucketName = _location.Bucket, Key = key }, cancellationToken).ConfigureAwait(false);
            }
        }
        catch (AmazonS3Exception e)
        {
            throw new JournalConflictException(S3Errors.Explain(e, $"moving the journal aside to {folder}", _location), e);
        }

        _lastRead = null;
        return $"s3://{_location.Bucket}/{folder}";
    }

    private string KeyOf(long sequence) => _location.Key(Folder + sequence.ToString("D12", CultureInfo.InvariantCulture) + ".json");

    private static long SequenceOf(string key)
    {
        var name = key[(key.LastIndexOf('/') + 1)..];
        return long.TryParse(name.AsSpan(0, Math.Max(0, name.Length - ".json".Length)), NumberStyles.None, CultureInfo.InvariantCulture, out var sequence) ? sequence : -1;
    }

    private async Task<List<string>> ListKeysAsync(CancellationToken cancellationToken)
    {
        var keys = new List<string>();
        var request = new ListObjectsV2Request { BucketName = _location.Bucket, Prefix = _location.Key(Folder) };
        try
        {
            ListObjectsV2Response response;
            do
            {
                response = await _s3.ListObjectsV2Async(request, cancellationToken).ConfigureAwait(false);
                // Only <12 digits>.json directly under journal/ is a record; anything else put there is not ours.
                keys.AddRange((response.S3Objects ?? []).Select(o => o.Key).Where(IsRecordKey));
                request.ContinuationToken = response.NextContinuationToken;
            }
            while (response.IsTruncated == true);
        }
        catch (AmazonS3Exception e)
        {
            throw new JournalCorruptException(S3Errors.Explain(e, "listing the journal", _location), e);
        }

        // Zero-padded sequence numbers sort in order as text.
        keys.Sort(StringComparer.Ordinal);
        return keys;
    }

    private bool IsRecordKey(string key)
    {
        var name = key[_location.Key(Folder).Length..];
        return name.Length == 12 + ".json".Length
            && name.EndsWith(".json", StringComparison.Ordinal)
            && name.AsSpan(0, 12).IndexOfAnyExceptInRange('0', '9') < 0;
    }

    private async Task<(string Text, string ETag)> GetTextAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return await S3Objects.TryReadTextAsync(_s3, _location.Bucket, key, cancellationToken).ConfigureAwait(false)
                ?? throw new IOException($"The journal record s3://{_location.Bucket}/{key} was listed but is gone: another process changed the journal while it was read. Make sure only one bluegreen runs against this environment, then run again.");
        }
        catch (AmazonS3Exception e)
        {
            throw new IOException(S3Errors.Explain(e, $"reading the journal record {key}", _location), e);
        }
    }

    private async Task<string?> ReadBackAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            return (await S3Objects.TryReadTextAsync(_s3, _location.Bucket, key, cancellationToken).ConfigureAwait(false))?.Text;
        }
        catch (AmazonS3Exception e)
        {
            throw new JournalConflictException(S3Errors.Explain(e, $"reading back journal record {key}", _location), e);
        }
    }

    private async Task<bool> ExistsAsync(string key, CancellationToken cancellationToken)
    {
        try
        {
            await _s3.GetObjectMetadataAsync(_location.Bucket, key, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return false;
        }
    }
}
