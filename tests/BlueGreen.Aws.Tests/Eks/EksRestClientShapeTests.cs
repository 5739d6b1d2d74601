using System.Net;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Eks;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Signing;
using BlueGreen.Aws.Tests.Moto;

namespace BlueGreen.Aws.Tests.Eks;

/// <summary>
/// The EKS reads moto does not answer (ListAddons, DescribeAddon, ListPodIdentityAssociations,
/// DescribePodIdentityAssociation), on the API reference's response shapes (TestData/eks).
/// </summary>
public sealed class EksRestClientShapeTests
{
    private const string Associations = "/clusters/test-green/pod-identity-associations";

    [Fact]
    public async Task PodIdentityAssociations_FollowsNextToken_AndReadsEachRoleFromDescribe()
    {
        var stub = new EksApiStub()
            .On(Associations + "?maxResults=100", "list-pod-identity-associations-page1.json")
            .On(Associations + "?maxResults=100&nextToken=eyJuZXh0IjoyfQ%3D%3D", "list-pod-identity-associations-page2.json")
            .On(Associations + "/a-1abcdefghijklmnop", "describe-pod-identity-association-a-1abcdefghijklmnop.json")
            .On(Associations + "/a-2abcdefghijklmnop", "describe-pod-identity-association-a-2abcdefghijklmnop.json");

        var associations = await Client(stub).PodIdentityAssociationsAsync("test-green", CancellationToken.None);

        Assert.Equal(
            [
                new PodIdentityAssociation("external-dns", "external-dns", "arn:aws:iam::123456789012:role/test-common-external-dns"),
                new PodIdentityAssociation("kube-system", "aws-load-balancer-controller", "arn:aws:iam::123456789012:role/test-common-load-balancer-controller"),
            ],
            associations);
        Assert.All(stub.Authorizations, a => Assert.Contains("/ap-northeast-1/eks/aws4_request", a, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Addons_AreListedThenDescribed_WithTheirVersions()
    {
        var stub = new EksApiStub()
            .On("/clusters/test-green/addons?maxResults=100", "list-addons.json")
            .On("/clusters/test-green/addons/vpc-cni", "describe-addon-vpc-cni.json")
            .On("/clusters/test-green/addons/eks-pod-identity-agent", "describe-addon-eks-pod-identity-agent.json");

        var addons = await Client(stub).AddonsAsync("test-green", CancellationToken.None);

        Assert.Equal([new EksAddon("vpc-cni", "v1.19.2-eksbuild.1"), new EksAddon("eks-pod-identity-agent", "v1.3.4-eksbuild.1")], addons);
    }

    [Fact]
    public async Task AccessDenied_NamesThePermissionsToGrant()
    {
        var stub = new EksApiStub().On(Associations + "?maxResults=100", "error-access-denied.json", HttpStatusCode.Forbidden, "AccessDeniedException");

        var error = await Assert.ThrowsAsync<EksException>(() => Client(stub).PodIdentityAssociationsAsync("test-green", CancellationToken.None));

        Assert.StartsWith("EKS denied ListPodIdentityAssociations test-green: User: arn:aws:iam::123456789012:user/operator is not authorized", error.Message, StringComparison.Ordinal);
        Assert.Contains("eks:ListPodIdentityAssociations and eks:DescribePodIdentityAssociation", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnEndpointWithoutTheOperation_SaysSo()
    {
        var error = await Assert.ThrowsAsync<EksException>(() => Client(new EksApiStub()).AddonsAsync("test-green", CancellationToken.None));

        Assert.Equal("ListAddons test-green answered 404 without an EKS error; the endpoint may not implement it. Check AWS_ENDPOINT_URL_EKS.", error.Message);
    }

    private static EksRestClient Client(EksApiStub stub) =>
        new(
            new HttpClient(stub),
            new ServiceEndpoint(new Uri("https://eks.ap-northeast-1.amazonaws.com"), "ap-northeast-1", false),
            new SigV4RequestSigner(MotoFixture.Credentials, "ap-northeast-1", "eks", TimeProvider.System),
            TimeProvider.System,
            new AwsRetryOptions { MaxRetries = 0 });
}
