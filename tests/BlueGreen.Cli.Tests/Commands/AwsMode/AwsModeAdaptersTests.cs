using Amazon.Runtime;
using Amazon.S3;
using BlueGreen.Aws.Credentials;
using BlueGreen.Aws.Route53;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Kubernetes.Clusters;

namespace BlueGreen.Cli.Tests.Commands.AwsMode;

public sealed class AwsModeAdaptersTests
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System).Config!;

    [Fact]
    public async Task ComposesTheAwsAdapters_FindingTheZoneByName()
    {
        var route53 = new ZoneLookup();
        var services = Services(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), route53);

        using var adapters = await AwsModeAdapters.CreateAsync(Config, services, new AwsModeOptions { JournalBucket = "journal" }, TimeProvider.System, CancellationToken.None);

        Assert.IsType<Route53WeightedRouter>(adapters.Router);
        Assert.IsType<KubernetesClusterProbe>(adapters.Probe);
        Assert.Equal("s3://journal/test/journal/", adapters.Journal.Location);
        Assert.IsType<S3Lock>(adapters.Lock);
        Assert.Equal(["test.example.com"], route53.Lookups);
    }

    [Fact]
    public async Task AGivenZoneId_NeedsNoLookup()
    {
        var route53 = new ZoneLookup();

        using var adapters = await AwsModeAdapters.CreateAsync(Config, Services(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), route53), new AwsModeOptions { JournalBucket = "journal", ZoneId = "Z0123456789TESTZONE" }, TimeProvider.System, CancellationToken.None);

        Assert.Empty(route53.Lookups);
    }

    [Fact]
    public async Task WithoutCredentials_Fails()
    {
        var error = await Assert.ThrowsAsync<CommandFailedException>(() => AwsModeAdapters.CreateAsync(Config, Services(null, new ZoneLookup()), new AwsModeOptions { JournalBucket = "journal" }, TimeProvider.System, CancellationToken.None));

        Assert.Contains("needs AWS credentials", error.Message, StringComparison.Ordinal);
    }

    private static AwsModeServices Services(AWSCredentials? credentials, ZoneLookup route53) => new()
    {
        Credentials = new Fixed(credentials),
        Route53 = (_, _) => route53,
        S3 = (c, _) => new AmazonS3Client(c, new AmazonS3Config { ServiceURL = "http://127.0.0.1:9", ForcePathStyle = true }),
    };

    private sealed class Fixed(AWSCredentials? credentials) : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult(credentials);
    }

    private sealed class ZoneLookup : IRoute53Api
    {
        public List<string> Lookups { get; } = [];

        public Task<string?> FindPublicZoneIdAsync(string zoneName, CancellationToken cancellationToken)
        {
            Lookups.Add(zoneName);
            return Task.FromResult<string?>("Z0123456789TESTZONE");
        }

        public Task<ChangeInfo> UpsertAsync(string hostedZoneId, IReadOnlyCollection<WeightedRecord> records, string comment, CancellationToken cancellationToken) => throw new InvalidOperationException("No change is expected.");

        public Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken) => throw new InvalidOperationException("No change is expected.");

        public Task<IReadOnlyList<WeightedRecord>> ListWeightedRecordsAsync(string hostedZoneId, string name, string type, CancellationToken cancellationToken) => throw new InvalidOperationException("No read is expected.");
    }
}
