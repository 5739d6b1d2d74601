using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Eks;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Signing;

namespace BlueGreen.Aws.Clients;

/// <summary>
/// The AWS clients of one region, each at the endpoint the SDKs' variables name (AWS_ENDPOINT_URL_&lt;SERVICE&gt;,
/// then AWS_ENDPOINT_URL), else at AWS's own; each method reads those variables through its <c>environment</c>.
/// </summary>
public static class AwsClients
{
    private static HttpClient SharedHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    public static IAmazonS3 S3(AWSCredentials credentials, string region, Func<string, string?> environment)
    {
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("S3", environment) is { } url)
        {
            config.ServiceURL = url.ToString();

            // A custom endpoint has no bucket subdomains: buckets go in the path.
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }

        return new AmazonS3Client(credentials, config);
    }

    public static IAmazonEC2 Ec2(AWSCredentials credentials, string region, Func<string, string?> environment)
    {
        var config = new AmazonEC2Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("EC2", environment) is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }

        return new AmazonEC2Client(credentials, config);
    }

    public static IAmazonSimpleSystemsManagement Ssm(AWSCredentials credentials, string region, Func<string, string?> environment)
    {
        var config = new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("SSM", environment) is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }

        return new AmazonSimpleSystemsManagementClient(credentials, config);
    }

    /// <summary>The EKS REST client of the region.</summary>
    public static EksRestClient Eks(AWSCredentials credentials, string region, Func<string, string?> environment, TimeProvider time)
    {
        var endpoint = EksRestClient.Endpoint(region, environment);
        return new EksRestClient(SharedHttp, endpoint, new SigV4RequestSigner(credentials, endpoint.SigningRegion, "eks", time), time, new AwsRetryOptions());
    }

    /// <summary>The Route53 REST client of the region's partition.</summary>
    public static Route53RestClient Route53(AWSCredentials credentials, string region, Func<string, string?> environment, TimeProvider time)
    {
        var endpoint = AwsEndpoints.Route53(region, environment);
        var signer = new SigV4RequestSigner(credentials, endpoint.SigningRegion, "route53", time);
        return new Route53RestClient(SharedHttp, endpoint, signer, time, new Route53ClientOptions());
    }

    /// <summary>A Query-protocol client of <paramref name="service"/> at the region's endpoint.</summary>
    public static AwsQueryClient Query(AwsQueryService service, AWSCredentials credentials, string region, Func<string, string?> environment, TimeProvider time, AwsRetryOptions? retry = null)
    {
        ArgumentNullException.ThrowIfNull(service);
        var endpoint = AwsEndpoints.Regional(service.EndpointPrefix, service.EnvironmentId, region, environment);
        var signer = new SigV4RequestSigner(credentials, endpoint.SigningRegion, service.SigningName, time);
        return new AwsQueryClient(SharedHttp, service, endpoint, signer, time, retry ?? new AwsRetryOptions());
    }

    /// <summary>The Elastic Load Balancing v2 reads of the region.</summary>
    public static ElasticLoadBalancingClient ElasticLoadBalancing(AWSCredentials credentials, string region, Func<string, string?> environment, TimeProvider time) =>
        new(Query(AwsQueryService.ElasticLoadBalancingV2, credentials, region, environment, time));

    /// <summary>The CloudWatch reads of the region.</summary>
    public static CloudWatchClient CloudWatch(AWSCredentials credentials, string region, Func<string, string?> environment, TimeProvider time, AwsRetryOptions? retry = null) =>
        new(Query(AwsQueryService.CloudWatch, credentials, region, environment, time, retry));
}
