using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.Credentials;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Route53;
using BlueGreen.Kubernetes.Access;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The outside world of AWS mode: credentials, where the AWS APIs are (the SDKs' endpoint variables), kubeconfig
/// contexts, and the few programs and downloads some commands need. Tests give another environment or credentials.
/// </summary>
public sealed record AwsModeServices
{
    /// <summary>The default credential chain.</summary>
    public IAwsCredentialSource Credentials { get; init; } = new DefaultAwsCredentialSource();

    /// <summary>Clients from the kubeconfig kubectl would use.</summary>
    public IKubernetesClientFactory Kubernetes { get; init; } = new KubeconfigClientFactory(KubeconfigClientFactory.DefaultPath(System.Environment.GetEnvironmentVariable));

    /// <summary>Where the endpoint variables (AWS_ENDPOINT_URL_&lt;SERVICE&gt;, AWS_ENDPOINT_URL) are read: the process environment.</summary>
    public Func<string, string?> Environment { get; init; } = System.Environment.GetEnvironmentVariable;

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

    /// <summary>The one endpoint every AWS API is at, when AWS_ENDPOINT_URL (or <see cref="WithEndpoint"/>) sets one; else null.</summary>
    public Uri? SharedEndpoint => AwsEndpoints.Configured("S3", Environment) is { } s3 && AwsEndpoints.Configured("ROUTE_53", Environment) == s3 ? s3 : null;

    private static HttpClient SharedHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The same services with every AWS API at <paramref name="endpoint"/> (<c>--aws-endpoint</c>).</summary>
    public AwsModeServices WithEndpoint(Uri endpoint) => this with { Environment = AwsEndpoints.AllAt(endpoint, Environment) };

    public IAmazonEC2 Ec2(AWSCredentials credentials, string region) => AwsClients.Ec2(credentials, region, Environment);

    public IAmazonS3 S3(AWSCredentials credentials, string region) => AwsClients.S3(credentials, region, Environment);

    public IAmazonSimpleSystemsManagement Ssm(AWSCredentials credentials, string region) => AwsClients.Ssm(credentials, region, Environment);

    public CloudWatchClient CloudWatch(AWSCredentials credentials, string region, AwsRetryOptions? retry = null) => AwsClients.CloudWatch(credentials, region, Environment, TimeProvider.System, retry);

    public ElasticLoadBalancingClient ElasticLoadBalancing(AWSCredentials credentials, string region) => AwsClients.ElasticLoadBalancing(credentials, region, Environment, TimeProvider.System);

    public Route53RestClient Route53(AWSCredentials credentials, string region) => AwsClients.Route53(credentials, region, Environment, TimeProvider.System);

    public Aws.Eks.IEksApi Eks(AWSCredentials credentials, string region) => AwsClients.Eks(credentials, region, Environment, TimeProvider.System);
}
