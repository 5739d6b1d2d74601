using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.Credentials;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Signing;
using BlueGreen.Kubernetes.Access;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>The outside world of AWS mode: credentials, kubeconfig contexts and AWS clients. Tests replace it with fakes.</summary>
public sealed class AwsModeServices
{
    /// <summary>The default credential chain.</summary>
    public IAwsCredentialSource Credentials { get; init; } = new DefaultAwsCredentialSource();

    /// <summary>Clients from the kubeconfig kubectl would use.</summary>
    public IKubernetesClientFactory Kubernetes { get; init; } = new KubeconfigClientFactory(KubeconfigClientFactory.DefaultPath(Environment.GetEnvironmentVariable));

    /// <summary>An EC2 client for a region, honouring AWS_ENDPOINT_URL_EC2 / AWS_ENDPOINT_URL.</summary>
    public Func<AWSCredentials, string, IAmazonEC2> Ec2 { get; init; } = (credentials, region) =>
    {
        var config = new AmazonEC2Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("EC2", Environment.GetEnvironmentVariable) is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }

        return new AmazonEC2Client(credentials, config);
    };

    /// <summary>An S3 client for a region, honouring AWS_ENDPOINT_URL_S3 / AWS_ENDPOINT_URL.</summary>
    public Func<AWSCredentials, string, IAmazonS3> S3 { get; init; } = (credentials, region) =>
    {
        var config = new AmazonS3Config { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("S3", Environment.GetEnvironmentVariable) is { } url)
        {
            config.ServiceURL = url.ToString();
            config.ForcePathStyle = true;
            config.AuthenticationRegion = region;
        }

        return new AmazonS3Client(credentials, config);
    };

    /// <summary>An SSM client for a region, honouring AWS_ENDPOINT_URL_SSM / AWS_ENDPOINT_URL.</summary>
    public Func<AWSCredentials, string, IAmazonSimpleSystemsManagement> Ssm { get; init; } = (credentials, region) =>
    {
        var config = new AmazonSimpleSystemsManagementConfig { RegionEndpoint = RegionEndpoint.GetBySystemName(region) };
        if (AwsEndpoints.Configured("SSM", Environment.GetEnvironmentVariable) is { } url)
        {
            config.ServiceURL = url.ToString();
            config.AuthenticationRegion = region;
        }

        return new AmazonSimpleSystemsManagementClient(credentials, config);
    };

    /// <summary>The Route53 REST client for the partition of a region, honouring AWS_ENDPOINT_URL_ROUTE_53 / AWS_ENDPOINT_URL.</summary>
    public Func<AWSCredentials, string, IRoute53Api> Route53 { get; init; } = (credentials, region) =>
    {
        var endpoint = AwsEndpoints.Route53(region, Environment.GetEnvironmentVariable);
        var signer = new SigV4RequestSigner(credentials, endpoint.SigningRegion, "route53", TimeProvider.System);
        return new Route53RestClient(SharedHttp, endpoint, signer, TimeProvider.System, new Route53ClientOptions());
    };

    /// <summary>Runs <c>npx cdk destroy</c> (or any command) in a directory and returns its exit code.</summary>
    public Func<string, IReadOnlyList<string>, string, CancellationToken, Task<int>> Run { get; init; } = async (file, arguments, directory, cancellationToken) =>
    {
        using var process = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo(file, arguments) { WorkingDirectory = directory, UseShellExecute = false })
            ?? throw new InvalidOperationException($"{file} could not be started.");
        await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
        return process.ExitCode;
    };

    /// <summary>Downloads a text document (the pinned Argo CD install manifest).</summary>
    public Func<Uri, CancellationToken, Task<string>> Download { get; init; } = (url, cancellationToken) => SharedHttp.GetStringAsync(url, cancellationToken);

    private static HttpClient SharedHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
}
