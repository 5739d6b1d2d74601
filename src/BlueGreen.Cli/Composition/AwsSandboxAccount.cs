using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Aws.Credentials;
using BlueGreen.Aws.Route53;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Common;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// An account at an AWS-compatible endpoint (moto) as the common stack leaves a real one: the service's public
/// hosted zone, the journal bucket, and their SSM parameters under /&lt;env&gt;/common/. What is there already is kept.
/// </summary>
public static class AwsSandboxAccount
{
    /// <summary>Credentials for an endpoint of one's own when the default chain finds none; moto accepts any.</summary>
    public static readonly BasicAWSCredentials SandboxCredentials = new("bluegreen-sandbox", "bluegreen-sandbox");

    /// <summary>
    /// The services with every AWS API at <paramref name="endpoint"/>: with the default chain's credentials, or, for an
    /// endpoint on this machine (which is one's own), the sandbox's when the chain finds none.
    /// </summary>
    public static async Task<AwsModeServices> ServicesAtAsync(AwsModeServices services, Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(services);
        ArgumentNullException.ThrowIfNull(endpoint);
        var at = services.WithEndpoint(endpoint);
        return endpoint.IsLoopback && await at.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false) is null
            ? at with { Credentials = new FixedAwsCredentialSource(SandboxCredentials) }
            : at;
    }

    /// <summary>Creates what is missing and returns the journal bucket and zone as AWS mode reads them (from SSM).</summary>
    /// <exception cref="UserInputException">The zone, bucket or parameters cannot be read or created there.</exception>
    public static async Task<AwsModeOptions> PrepareAsync(EnvironmentConfig config, AwsModeServices services, Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        var credentials = await services.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CommandFailedException($"Setting up {endpoint} needs AWS credentials; none were found. Export any (an endpoint of your own accepts them), e.g. AWS_ACCESS_KEY_ID=testing AWS_SECRET_ACCESS_KEY=testing.");
        var names = new CommonParameters(config.Environment);
        using var ssm = services.Ssm(credentials, config.Region);
        using var s3 = services.S3(credentials, config.Region);
        var route53 = services.Route53(credentials, config.Region);
        await Step($"the journal bucket at {endpoint}", async () =>
        {
            var bucket = await ReadParameterAsync(ssm, names.JournalBucket, cancellationToken).ConfigureAwait(false);
            if (bucket is null || !await BucketExistsAsync(s3, bucket, cancellationToken).ConfigureAwait(false))
            {
                bucket = $"{config.Environment}-common-journal-{Guid.NewGuid():N}"[..Math.Min(config.Environment.Length + 24, 63)];
                await s3.PutBucketAsync(new PutBucketRequest { BucketName = bucket, BucketRegion = config.Region == "us-east-1" ? null : S3Region.FindValue(config.Region) }, cancellationToken).ConfigureAwait(false);
                await PutParameterAsync(ssm, names.JournalBucket, bucket, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);
        await Step($"the hosted zone {config.Dns.ZoneName} at {endpoint}", async () =>
        {
            var zone = await ReadParameterAsync(ssm, names.ZoneId, cancellationToken).ConfigureAwait(false);
            if (zone is null || !await ZoneExistsAsync(route53, zone, config.Dns.ZoneName, cancellationToken).ConfigureAwait(false))
            {
                zone = await route53.FindPublicZoneIdAsync(config.Dns.ZoneName, cancellationToken).ConfigureAwait(false)
                    ?? await route53.CreatePublicZoneAsync(config.Dns.ZoneName, Guid.NewGuid().ToString("N"), cancellationToken).ConfigureAwait(false);
                await PutParameterAsync(ssm, names.ZoneId, zone, cancellationToken).ConfigureAwait(false);
                await PutParameterAsync(ssm, names.ZoneName, config.Dns.ZoneName, cancellationToken).ConfigureAwait(false);
            }
        }).ConfigureAwait(false);

        // Read back as every AWS-mode command reads them.
        return await AwsModeOptionsResolver.ResolveAsync(config, null, null, null, null, services, cancellationToken).ConfigureAwait(false);
    }

    private static async Task Step(string what, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e) when (e is AmazonServiceException or AmazonClientException or Route53Exception or HttpRequestException)
        {
            throw new UserInputException($"Setting up {what} failed: {AwsModeErrors.Describe(e)} Check that the endpoint is an AWS-compatible server with S3, SSM and Route53 (e.g. moto_server), or use --aws-endpoint auto.", e);
        }
    }

    private static async Task<string?> ReadParameterAsync(IAmazonSimpleSystemsManagement ssm, string name, CancellationToken cancellationToken)
    {
        try
        {
            var value = (await ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false)).Parameter?.Value;
            return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
        }
        catch (ParameterNotFoundException)
        {
            return null;
        }
    }

    private static Task PutParameterAsync(IAmazonSimpleSystemsManagement ssm, string name, string value, CancellationToken cancellationToken) =>
        ssm.PutParameterAsync(new PutParameterRequest { Name = name, Value = value, Type = ParameterType.String, Overwrite = true }, cancellationToken);

    private static async Task<bool> BucketExistsAsync(IAmazonS3 s3, string bucket, CancellationToken cancellationToken)
    {
        try
        {
            await s3.ListObjectsV2Async(new ListObjectsV2Request { BucketName = bucket, MaxKeys = 1 }, cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (AmazonS3Exception e) when (e.ErrorCode == "NoSuchBucket")
        {
            return false;
        }
    }

    private static async Task<bool> ZoneExistsAsync(IRoute53Api route53, string zoneId, string recordName, CancellationToken cancellationToken)
    {
        try
        {
            await route53.ListWeightedRecordsAsync(zoneId, recordName, "A", cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (Route53Exception e) when (e.Code == "NoSuchHostedZone")
        {
            return false;
        }
    }
}
