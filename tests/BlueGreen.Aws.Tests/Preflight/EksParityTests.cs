using BlueGreen.Aws.Eks;
using BlueGreen.Aws.Preflight;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Aws.Tests.Preflight;

/// <summary>The add-on and Pod Identity parity rules, over what the EKS client read (its reads are EksRestClientShapeTests).</summary>
public sealed class EksParityTests
{
    private static readonly EnvironmentConfig Config = ConfigLoader.Load(Path.Combine(RepositoryRoot.Path, "bluegreen.yaml"), TimeProvider.System).Config!;
    private static readonly PodIdentityAssociation ExternalDns = new("external-dns", "external-dns", "arn:aws:iam::123456789012:role/test-common-external-dns");
    private static readonly PodIdentityAssociation Controller = new("kube-system", "aws-load-balancer-controller", "arn:aws:iam::123456789012:role/test-common-load-balancer-controller");

    [Fact]
    public async Task PodIdentity_Passes_WithTheSameAssociationsInBothColours()
    {
        var result = await Checks(live: [ExternalDns, Controller], candidate: [Controller, ExternalDns]).PodIdentityAsync(Config.Cluster("blue"), Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Pass, result.Status);
        Assert.Equal("Both colours have the same 2 Pod Identity associations (namespace, service account, role).", result.Detail);
    }

    [Fact]
    public async Task PodIdentity_Fails_WhenTheCandidateLacksOne_OrHasAnotherRole()
    {
        var otherRole = Controller with { RoleArn = "arn:aws:iam::123456789012:role/test-green-lbc" };

        var result = await Checks(live: [ExternalDns, Controller], candidate: [otherRole]).PodIdentityAsync(Config.Cluster("blue"), Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Equal(
            "green lacks Pod Identity associations blue has: external-dns/external-dns -> arn:aws:iam::123456789012:role/test-common-external-dns; kube-system/aws-load-balancer-controller -> arn:aws:iam::123456789012:role/test-common-load-balancer-controller. Its pods would lose those permissions; add them to the green stack.",
            result.Detail);
    }

    [Fact]
    public async Task PodIdentity_Warns_WhenTheCandidateHasMore()
    {
        var result = await Checks(live: [ExternalDns], candidate: [ExternalDns, Controller]).PodIdentityAsync(Config.Cluster("blue"), Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Warn, result.Status);
    }

    [Fact]
    public async Task Addons_Fail_WhenTheCandidateLacksOne_AndShowVersionChanges()
    {
        var api = new FakeEks { Addons = { ["test-blue"] = [new("vpc-cni", "v1.18.0-eksbuild.1"), new("coredns", "v1.11.4-eksbuild.2")], ["test-green"] = [new("vpc-cni", "v1.19.2-eksbuild.1")] } };

        var result = await new EksClusterChecks(api).AddonsAsync(Config.Cluster("blue"), Config.Cluster("green"), CancellationToken.None);

        Assert.Equal(PreflightStatus.Fail, result.Status);
        Assert.Equal("green lacks add-ons blue has: coredns (v1.11.4-eksbuild.2 on blue). Add them to the green stack before moving traffic.", result.Detail);

        api.Addons["test-green"] = [new("vpc-cni", "v1.19.2-eksbuild.1"), new("coredns", "v1.11.4-eksbuild.2")];
        var fixedResult = await new EksClusterChecks(api).AddonsAsync(Config.Cluster("blue"), Config.Cluster("green"), CancellationToken.None);
        Assert.Equal("green has every add-on of blue: vpc-cni v1.18.0-eksbuild.1 -> v1.19.2-eksbuild.1, coredns v1.11.4-eksbuild.2.", fixedResult.Detail);
    }

    private static EksClusterChecks Checks(PodIdentityAssociation[] live, PodIdentityAssociation[] candidate) =>
        new(new FakeEks { Associations = { ["test-blue"] = live, ["test-green"] = candidate } });

    private sealed class FakeEks : IEksApi
    {
        public Dictionary<string, IReadOnlyList<EksAddon>> Addons { get; } = [];

        public Dictionary<string, IReadOnlyList<PodIdentityAssociation>> Associations { get; } = [];

        public Task<EksCluster?> DescribeClusterAsync(string cluster, CancellationToken cancellationToken) => throw new InvalidOperationException("not read by parity checks");

        public Task<IReadOnlyList<EksNodegroup>> NodegroupsAsync(string cluster, CancellationToken cancellationToken) => throw new InvalidOperationException("not read by parity checks");

        public Task<IReadOnlyList<EksAddon>> AddonsAsync(string cluster, CancellationToken cancellationToken) => Task.FromResult(Addons[cluster]);

        public Task<IReadOnlyList<PodIdentityAssociation>> PodIdentityAssociationsAsync(string cluster, CancellationToken cancellationToken) => Task.FromResult(Associations[cluster]);
    }
}
