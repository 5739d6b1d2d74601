using Amazon;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;
using Amazon.S3.Model;
using Amazon.SimpleSystemsManagement;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.Signing;
using BlueGreen.Sandbox.AwsEndpoint;

namespace BlueGreen.Tests;

/// <summary>
/// One moto_server (an independent implementation of the AWS APIs) on 127.0.0.1 and a port the system
/// picks, started once per test class and always stopped. Tests share it, so each makes its own bucket,
/// zone and parameter names (<see cref="NewName"/>).
/// </summary>
public sealed class MotoFixture : IAsyncLifetime
{
    /// <summary>moto accepts any credentials; these are the ones its documentation uses.</summary>
    public static readonly BasicAWSCredentials Credentials = new("testing", "testing");

    private MotoServer? _server;

    public Uri Endpoint => _server?.Endpoint ?? throw new InvalidOperationException("moto_server has not started.");

    public int ProcessId => _server?.ProcessId ?? 0;

    /// <summary>What a process needs to use this moto through the default AWS credential chain and endpoint variables.</summary>
    public IReadOnlyDictionary<string, string> Environment(string region = "us-east-1") => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_ACCESS_KEY_ID"] = "testing",
        ["AWS_SECRET_ACCESS_KEY"] = "testing",
        ["AWS_REGION"] = region,
        ["AWS_DEFAULT_REGION"] = region,
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    public async Task InitializeAsync()
    {
        if (!MotoServer.IsInstalled)
        {
            throw new InvalidOperationException($"{MotoServer.Program} is not on PATH; install it with `{MotoServer.InstallHint}` (scripts/test checks for it).");
        }

        _server = await MotoServer.StartAsync(TimeSpan.FromSeconds(90), CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        if (_server is not null)
        {
            await _server.DisposeAsync();
        }
    }

    /// <summary>Forgets every resource (moto's reset): for tests that must use the configuration's fixed names.</summary>
    public async Task ResetAsync()
    {
        using var response = await SharedHttp.PostAsync(new Uri(Endpoint, "/moto-api/reset"), null);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The variables of <see cref="Environment"/> as a lookup, as AWS mode reads endpoint variables.</summary>
    public Func<string, string?> EnvironmentLookup(string region = "us-east-1")
    {
        var variables = Environment(region);
        return name => variables.GetValueOrDefault(name);
    }

    /// <summary>A name no other test uses: lower-case letters, digits and dashes, valid for a bucket.</summary>
    public static string NewName(string prefix) => $"{prefix}-{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 17, 63)];

    /// <summary>An S3 client as AWS mode makes one (path style on a custom endpoint); through <paramref name="network"/> when given.</summary>
    /// <param name="maxErrorRetry">Above 0 the SDK retries as it does in production.</param>
    public IAmazonS3 S3(FaultInjectingHandler? network = null, int maxErrorRetry = 0, string region = "us-east-1")
    {
        var config = new AmazonS3Config { ServiceURL = Endpoint.ToString(), ForcePathStyle = true, AuthenticationRegion = region, MaxErrorRetry = maxErrorRetry };
        if (network is not null)
        {
            config.HttpClientFactory = network.SdkFactory();
        }

        return new AmazonS3Client(Credentials, config);
    }

    public IAmazonSimpleSystemsManagement Ssm(string region = "us-east-1") => new AmazonSimpleSystemsManagementClient(Credentials, new AmazonSimpleSystemsManagementConfig
    {
        ServiceURL = Endpoint.ToString(),
        AuthenticationRegion = region,
        MaxErrorRetry = 0,
    });

    public IAmazonEC2 Ec2(FaultInjectingHandler? network = null, string region = "us-east-1")
    {
        var config = new AmazonEC2Config { ServiceURL = Endpoint.ToString(), AuthenticationRegion = region, MaxErrorRetry = 0 };
        if (network is not null)
        {
            config.HttpClientFactory = network.SdkFactory();
        }

        return new AmazonEC2Client(Credentials, config);
    }

    /// <summary>The project's Route53 REST client, signing as it does against AWS, sent to moto.</summary>
    public Route53RestClient Route53(TimeProvider? time = null, Route53ClientOptions? options = null, FaultInjectingHandler? network = null)
    {
        time ??= TimeProvider.System;
        var http = network is null ? SharedHttp : network.Client();
        var signer = new SigV4RequestSigner(Credentials, "us-east-1", "route53", time);
        return new Route53RestClient(http, new ServiceEndpoint(Endpoint, "us-east-1", FromEnvironment: true), signer, time, options ?? new Route53ClientOptions { MaxRetries = 0 });
    }

    /// <summary>The project's Query-protocol client of <paramref name="service"/>, signing as it does against AWS, sent to moto.</summary>
    public AwsQueryClient Query(AwsQueryService service, TimeProvider? time = null, AwsRetryOptions? retry = null, FaultInjectingHandler? network = null, string region = "us-east-1")
    {
        time ??= TimeProvider.System;
        var http = network is null ? SharedHttp : network.Client();
        var signer = new SigV4RequestSigner(Credentials, region, service.SigningName, time);
        return new AwsQueryClient(http, service, new ServiceEndpoint(Endpoint, region, FromEnvironment: true), signer, time, retry ?? new AwsRetryOptions { MaxRetries = 0 });
    }

    /// <summary>A new bucket with a name of its own.</summary>
    public async Task<string> CreateBucketAsync(string region = "us-east-1")
    {
        var name = NewName("bluegreen-test");
        using var s3 = S3(region: region);
        // us-east-1 is the one region whose buckets carry no location constraint.
        await s3.PutBucketAsync(region == "us-east-1" ? new PutBucketRequest { BucketName = name } : new PutBucketRequest { BucketName = name, BucketRegion = S3Region.FindValue(region) });
        return name;
    }

    /// <summary>A new public hosted zone named <paramref name="zoneName"/> (moto allows several of one name); returns its id.</summary>
    public async Task<string> CreateZoneAsync(string zoneName) =>
        await Route53().CreatePublicZoneAsync(zoneName, Guid.NewGuid().ToString("N"), CancellationToken.None);

    private static HttpClient SharedHttp { get; } = new() { Timeout = TimeSpan.FromSeconds(30) };
}
