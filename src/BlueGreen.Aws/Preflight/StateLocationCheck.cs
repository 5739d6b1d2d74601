using Amazon.S3;
using BlueGreen.Aws.Route53;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Preflight;

/// <summary>The journal bucket and the service zone the engine will use exist and answer the caller.</summary>
public static class StateLocationCheck
{
    /// <summary>ListObjectsV2 of one key under the environment's prefix: proves the bucket exists and may be listed.</summary>
    public static async Task<PreflightResult> JournalBucketAsync(IAmazonS3 s3, EnvironmentConfig config, string bucket, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(s3);
        ArgumentNullException.ThrowIfNull(config);
        const string check = "journal bucket";
        try
        {
            await s3.ListObjectsV2Async(new Amazon.S3.Model.ListObjectsV2Request { BucketName = bucket, Prefix = config.Environment + "/", MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
            return PreflightResult.Pass(check, $"s3://{bucket}/{config.Environment}/ can be listed.");
        }
        catch (AmazonS3Exception e)
        {
            return PreflightResult.Fail(check, e.ErrorCode == "NoSuchBucket"
                ? $"The bucket {bucket} does not exist; deploy the common stack or pass --journal-bucket."
                : $"S3 refused to list s3://{bucket}/{config.Environment}/ ({e.ErrorCode}); the caller needs s3:ListBucket, s3:GetObject, s3:PutObject and s3:DeleteObject on it.");
        }
    }

    /// <summary>The zone exists: a read of the service name's weighted records succeeds in it.</summary>
    public static async Task<PreflightResult> HostedZoneAsync(IRoute53Api route53, EnvironmentConfig config, string? zoneId, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(route53);
        ArgumentNullException.ThrowIfNull(config);
        const string check = "hosted zone";
        var zone = zoneId ?? await route53.FindPublicZoneIdAsync(config.Dns.ZoneName, cancellationToken).ConfigureAwait(false);
        if (zone is null)
        {
            return PreflightResult.Fail(check, $"No public hosted zone {config.Dns.ZoneName} was found; deploy the common stack or pass --zone-id.");
        }

        try
        {
            await route53.ListWeightedRecordsAsync(zone, config.Dns.ZoneName, "A", cancellationToken).ConfigureAwait(false);
            return PreflightResult.Pass(check, $"Zone {zone} ({config.Dns.ZoneName}) answers.");
        }
        catch (Route53Exception e)
        {
            return PreflightResult.Fail(check, e.Message);
        }
    }
}
