using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class DnsOwnershipRulesTests
{
    private static IReadOnlyList<string> Check(RenderedTree tree) => DnsOwnershipRules.Check(tree, Parsed.All(tree));

    [Fact]
    public void Passes_TheDefaultTree()
    {
        Assert.Empty(Check(Trees.Default()));
    }

    [Fact]
    public void Fails_TwoClustersSharingOneOwnerId_AsTheReferenceDid()
    {
        var tree = Trees.Default().Replace("green/external-dns/deployment.yaml", "--txt-owner-id=test-green", "--txt-owner-id=test-blue");

        Assert.Contains("owner id 'test-blue' is also blue's", Assert.Single(Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AClusterWithoutAnOwnerId()
    {
        var tree = Trees.Default().Replace("green/external-dns/deployment.yaml", "        - --txt-owner-id=test-green\n", string.Empty);

        Assert.Contains("has no --txt-owner-id", Assert.Single(Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AnExternalDnsWithoutAPolicy()
    {
        var tree = Trees.Default().Replace("blue/external-dns/deployment.yaml", "        - --policy=sync\n", string.Empty);

        Assert.Contains("has no --policy", Assert.Single(Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_TwoColoursPublishingOneHostname()
    {
        var tree = Trees.Default().Replace("green/sample-app/ingress.yaml", "hostname: green.test.example.com", "hostname: blue.test.example.com");

        Assert.Contains("would publish blue.test.example.com, which blue publishes too", Assert.Single(Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AColourWhoseExternalDnsWouldPublishTheServiceName()
    {
        var tree = Trees.Default()
            .Replace("blue/sample-app/ingress.yaml", "ingress-hostname-source: annotation-only", "ingress-hostname-source: defined-hosts-only")
            .Replace("blue/external-dns/deployment.yaml", "        - --ignore-ingress-rules-spec\n", string.Empty);

        Assert.Equal(
            "blue: ExternalDNS would publish the service name test.example.com, whose weighted records belong to the cutover engine.",
            Assert.Single(Check(tree)));
    }

    [Fact]
    public void Fails_AnnotationsInAPrefixThePinnedExternalDnsIgnores_WhichWouldPublishNothing()
    {
        var tree = Trees.Default().Replace("blue/sample-app/ingress.yaml", "    external-dns.kubernetes.io/", "    external-dns.alpha.kubernetes.io/");

        var violations = Check(tree);

        Assert.Equal(3, violations.Count);
        Assert.Contains(violations, v => v.Contains("uses the prefix external-dns.alpha.kubernetes.io/, but ExternalDNS v0.23.0 reads external-dns.kubernetes.io/", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("blue: ExternalDNS publishes no hostname", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AnExternalDnsImageThatIsNotAPinnedRelease()
    {
        var tree = Trees.Default().Replace("green/external-dns/deployment.yaml", "external-dns:v0.23.0", "external-dns:v0.23");

        Assert.Contains("is not a pinned release such as v0.23.0", Assert.Single(Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AColourWithoutItsExternalDns()
    {
        var tree = Trees.Default().Without("green/external-dns/deployment.yaml");

        Assert.Equal("green: expected one ExternalDNS Deployment, found 0.", Assert.Single(Check(tree)));
    }
}
