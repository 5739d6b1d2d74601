using System.Text;
using Amazon.S3;

namespace BlueGreen.Aws.State;

/// <summary>Reads the small JSON objects the journal, lock and inbox keep in S3.</summary>
internal static class S3Objects
{
    /// <summary>The object's UTF-8 text and ETag, or null when it does not exist; any other S3 error is thrown for the caller to explain.</summary>
    public static async Task<(string Text, string ETag)?> TryReadTextAsync(IAmazonS3 s3, string bucket, string key, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await s3.GetObjectAsync(bucket, key, cancellationToken).ConfigureAwait(false);
            using var reader = new StreamReader(response.ResponseStream, Encoding.UTF8);
            return (await reader.ReadToEndAsync(cancellationToken).ConfigureAwait(false), response.ETag);
        }
        catch (AmazonS3Exception e) when (S3Errors.IsNotFound(e))
        {
            return null;
        }
    }
}
