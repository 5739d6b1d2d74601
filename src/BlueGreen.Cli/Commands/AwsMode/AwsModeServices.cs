using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Aws.Endpoints;
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
}
