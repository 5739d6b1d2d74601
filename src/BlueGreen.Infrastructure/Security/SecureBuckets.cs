using Amazon.CDK;
using Amazon.CDK.AWS.S3;
using Constructs;

namespace BlueGreen.Infrastructure.Security;

/// <summary>Creates S3 buckets that are encrypted, private and reachable over TLS only, whatever they hold.</summary>
internal static class SecureBuckets
{
    public static Bucket Create(Construct scope, string id, bool versioned, ILifecycleRule[]? lifecycleRules = null) =>
        new(scope, id, new BucketProps
        {
            Encryption = BucketEncryption.S3_MANAGED,
            BlockPublicAccess = BlockPublicAccess.BLOCK_ALL,
            EnforceSSL = true,
            ObjectOwnership = ObjectOwnership.BUCKET_OWNER_ENFORCED,
            Versioned = versioned,
            LifecycleRules = lifecycleRules,
            // Deleting a stack must never take data with it; an emptied bucket is removed by hand.
            RemovalPolicy = RemovalPolicy.RETAIN,
        });
}
