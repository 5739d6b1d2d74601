using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class TreeInvariantsTests
{
    private static string Violation(RenderedTree tree) => Assert.Single(TreeInvariants.Check(tree));

    [Fact]
    public void Passes_TheDefaultTree()
    {
        Assert.Empty(TreeInvariants.Check(Trees.Default()));
    }

    [Fact]
    public void Fails_AChildWithoutTheResourcesFinalizer()
    {
        var tree = Trees.Default().Replace("green/apps/sample-app.yaml", "  finalizers:\n  - resources-finalizer.argocd.argoproj.io\n", string.Empty);

        Assert.Contains("lacks resources-finalizer.argocd.argoproj.io", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_WhenExternalDnsSyncsBeforeTheLoadBalancerController()
    {
        var tree = Trees.Default().Replace("blue/apps/external-dns.yaml", "sync-wave: \"0\"", "sync-wave: \"-2\"");

        Assert.Contains("must sync before ExternalDNS", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_WhenTheSampleAppSyncsWithTheControllers()
    {
        var tree = Trees.Default().Replace("blue/apps/sample-app.yaml", "sync-wave: \"1\"", "sync-wave: \"0\"");

        Assert.Contains("has an Ingress, so its wave (0) must come after", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_TwoClustersSharingOneOwnerId_AsTheReferenceDid()
    {
        var tree = Trees.Default().Replace("green/external-dns/deployment.yaml", "--txt-owner-id=test-green", "--txt-owner-id=test-blue");

        Assert.Contains("owner id 'test-blue' is also blue's", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AClusterWithoutAnOwnerId()
    {
        var tree = Trees.Default().Replace("green/external-dns/deployment.yaml", "        - --txt-owner-id=test-green\n", string.Empty);

        Assert.Contains("has no --txt-owner-id", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_TwoColoursPublishingOneHostname()
    {
        var tree = Trees.Default().Replace("green/sample-app/ingress.yaml", "hostname: green.test.example.com", "hostname: blue.test.example.com");

        Assert.Contains("would publish blue.test.example.com, which blue publishes too", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AColourWhoseExternalDnsWouldPublishTheServiceName()
    {
        var tree = Trees.Default()
            .Replace("blue/sample-app/ingress.yaml", "ingress-hostname-source: annotation-only", "ingress-hostname-source: defined-hosts-only")
            .Replace("blue/external-dns/deployment.yaml", "        - --ignore-ingress-rules-spec\n", string.Empty);

        var violations = TreeInvariants.Check(tree);

        Assert.Contains(violations, v => v.Contains("would publish the service name test.example.com", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AnnotationsInAPrefixThePinnedExternalDnsIgnores()
    {
        var tree = Trees.Default().Replace("blue/sample-app/ingress.yaml", "    external-dns.kubernetes.io/", "    external-dns.alpha.kubernetes.io/");

        var violations = TreeInvariants.Check(tree);

        Assert.Contains(violations, v => v.Contains("uses the prefix external-dns.alpha.kubernetes.io/, but ExternalDNS v0.23.0 reads external-dns.kubernetes.io/", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("blue: ExternalDNS publishes no hostname", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AnExternalDnsWithoutAPolicy()
    {
        var tree = Trees.Default().Replace("blue/external-dns/deployment.yaml", "        - --policy=sync\n", string.Empty);

        Assert.Contains("has no --policy", Violation(tree), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":20250701-000000-initial\"", ":latest\"", "uses :latest")]
    [InlineData(":20250701-000000-initial\"", "\"", "has no tag")]
    public void Fails_AnImageThatIsNotPinned(string oldText, string newText, string reason)
    {
        var tree = Trees.Default().Replace("blue/sample-app/deployment.yaml", oldText, newText);

        Assert.Contains(reason, Violation(tree), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("        readinessProbe:\n          failureThreshold: 2\n          httpGet:\n            path: /readyz\n            port: http\n          periodSeconds: 5\n          timeoutSeconds: 2\n", "", "no readiness probe")]
    [InlineData("        runAsNonRoot: true\n        runAsUser: 1654\n", "        runAsUser: 0\n", "may run as root")]
    [InlineData("          readOnlyRootFilesystem: true\n", "", "writable root filesystem")]
    [InlineData("          allowPrivilegeEscalation: false\n", "", "allows privilege escalation")]
    [InlineData("        resources:\n          limits:\n            memory: 512Mi\n", "        resources:\n", "no memory limit")]
    public void Fails_ADeploymentWithoutProbesResourcesOrANonRootLockedDownContainer(string oldText, string newText, string reason)
    {
        var tree = Trees.Default().Replace("green/sample-app/deployment.yaml", oldText, newText);

        Assert.Contains(reason, Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_ARootThatFollowsAnotherColoursApps()
    {
        var tree = Trees.Default().Replace("blue/app-of-apps.yaml", "path: deploy/blue/apps", "path: deploy/green/apps");

        Assert.Contains("not this colour's apps directory 'deploy/blue/apps'", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AChildThatDeploysFromAnotherColoursDirectory()
    {
        var tree = Trees.Default().Replace("blue/apps/sample-app.yaml", "path: deploy/blue/sample-app", "path: deploy/green/sample-app");

        Assert.Contains(TreeInvariants.Check(tree), v => v.Contains("is not a directory of manifests under 'deploy/blue/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AManifestUsingAnApiItsClusterNoLongerServes()
    {
        var tree = Trees.Default().With(new RenderedFile(
            "blue/sample-app/old-budget.yaml",
            "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: old\n  namespace: app\nspec:\n  maxUnavailable: 1\n"));

        var violations = TreeInvariants.Check(tree);

        Assert.Contains(violations, v => v.Contains("policy/v1beta1 PodDisruptionBudget 'old' is not served by Kubernetes 1.32 (removed in 1.25); use policy/v1.", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AManifestThatDoesNotReadBack()
    {
        var tree = Trees.Default().Replace("green/sample-app/service.yaml", "  type: ClusterIP", "  type: ClusterIP\n  typo: true");

        Assert.Contains("green/sample-app/service.yaml", Violation(tree), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AColourWithoutItsExternalDns()
    {
        var tree = Trees.Default().Without("green/external-dns/deployment.yaml");

        var violations = TreeInvariants.Check(tree);

        Assert.Contains(violations, v => v.Contains("green: expected one ExternalDNS Deployment, found 0", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("green: expected one ExternalDNS Application, found 0", StringComparison.Ordinal));
    }
}
