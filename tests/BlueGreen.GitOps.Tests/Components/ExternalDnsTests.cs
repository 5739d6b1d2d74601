using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Tests.Support;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Components;

public class ExternalDnsTests
{
    private static V1Deployment Deployment(BlueGreen.GitOps.Rendering.RenderedTree tree, string colour) =>
        (V1Deployment)Assert.Single(ManifestReader.Read(tree.Find($"{colour}/external-dns/deployment.yaml")!)).Value;

    private static V1Ingress Ingress(BlueGreen.GitOps.Rendering.RenderedTree tree, string colour) =>
        (V1Ingress)Assert.Single(ManifestReader.Read(tree.Find($"{colour}/sample-app/ingress.yaml")!)).Value;

    [Fact]
    public void Gives_EachCluster_ItsOwnOwnerId_AndScopesItToTheSubdomain()
    {
        var tree = Trees.Default();

        foreach (var colour in new[] { "blue", "green" })
        {
            var args = Assert.Single(Deployment(tree, colour).Spec.Template.Spec.Containers).Args;
            Assert.Contains($"--txt-owner-id=test-{colour}", args);
            Assert.Contains("--domain-filter=test.example.com", args);
            Assert.Contains("--policy=sync", args);
            Assert.Contains("--registry=txt", args);
            Assert.Contains("--txt-prefix=extdns-", args);
            Assert.Contains("--ignore-ingress-rules-spec", args);
            Assert.Contains("--ignore-ingress-tls-spec", args);
        }
    }

    [Theory]
    [InlineData("v0.18.0", "external-dns.alpha.kubernetes.io/", false)]
    [InlineData("v0.21.9", "external-dns.alpha.kubernetes.io/", false)]
    [InlineData("v0.22.0", "external-dns.kubernetes.io/", true)]
    [InlineData("v0.23.0", "external-dns.kubernetes.io/", true)]
    [InlineData("v1.0.0", "external-dns.kubernetes.io/", true)]
    public void Writes_TheIngressAnnotations_WithThePrefixThePinnedReleaseReads(string version, string prefix, bool passesFlag)
    {
        var tree = Trees.Render(c => c with { GitOps = c.GitOps with { ExternalDnsVersion = version } });

        var container = Assert.Single(Deployment(tree, "blue").Spec.Template.Spec.Containers);
        Assert.Equal($"registry.k8s.io/external-dns/external-dns:{version}", container.Image);
        Assert.Equal(passesFlag, container.Args.Contains($"--annotation-prefix={prefix}"));
        var annotations = Ingress(tree, "blue").Metadata.Annotations;
        Assert.Equal("blue.test.example.com", annotations[prefix + "hostname"]);
        Assert.Equal("annotation-only", annotations[prefix + "ingress-hostname-source"]);
        Assert.DoesNotContain(annotations.Keys, k => k.StartsWith("external-dns.", StringComparison.Ordinal) && !k.StartsWith(prefix, StringComparison.Ordinal));
        Assert.Empty(TreeInvariants.Check(tree));
    }

    [Fact]
    public void Pins_TheDefaultRelease_ToOneThatReadsTheGaPrefix()
    {
        var tree = Trees.Default();

        Assert.Contains("external-dns.kubernetes.io/hostname", Ingress(tree, "green").Metadata.Annotations.Keys);
        Assert.Contains("--annotation-prefix=external-dns.kubernetes.io/", Assert.Single(Deployment(tree, "green").Spec.Template.Spec.Containers).Args);
    }

    [Fact]
    public void Publishes_OnlyTheColoursOwnHostname_ThoughTheIngressAlsoRoutesTheServiceName()
    {
        var tree = Trees.Default();

        foreach (var colour in new[] { "blue", "green" })
        {
            var settings = ExternalDnsSettings.From(Assert.Single(Deployment(tree, colour).Spec.Template.Spec.Containers), out _)!;
            var ingress = Ingress(tree, colour);
            Assert.Equal([$"{colour}.test.example.com", "test.example.com"], ingress.Spec.Rules.Select(r => r.Host));
            Assert.Equal([$"{colour}.test.example.com"], settings.PublishedHostnames(ingress));
        }
    }

    [Fact]
    public void Runs_AsNonRoot_WithAReadOnlyRoot_AndNoCapabilities()
    {
        var spec = Deployment(Trees.Default(), "blue").Spec.Template.Spec;
        var container = Assert.Single(spec.Containers);

        Assert.True(spec.SecurityContext.RunAsNonRoot);
        Assert.NotEqual(0, spec.SecurityContext.RunAsUser);
        Assert.True(container.SecurityContext.ReadOnlyRootFilesystem);
        Assert.False(container.SecurityContext.AllowPrivilegeEscalation);
        Assert.Equal(["ALL"], container.SecurityContext.Capabilities.Drop);
    }

    [Fact]
    public void Explains_WhySyncPolicyIsSafe_InTheDeploymentFile()
    {
        var text = Trees.Default().Content("green/external-dns/deployment.yaml");

        Assert.Contains("# --policy=sync lets ExternalDNS delete records, and that is safe here", text, StringComparison.Ordinal);
        Assert.Contains("the id is test-green, distinct per cluster", text, StringComparison.Ordinal);
    }

    [Fact]
    public void Grants_OnlyWhatTheIngressSourceReads()
    {
        var role = (V1ClusterRole)Assert.Single(ManifestReader.Read(Trees.Default().Find("blue/external-dns/cluster-role.yaml")!)).Value;

        Assert.Equal(
            ["networking.k8s.io/ingresses"],
            role.Rules.SelectMany(r => r.ApiGroups.SelectMany(g => r.Resources.Select(x => $"{g}/{x}"))));
        Assert.All(role.Rules, r => Assert.Equal(["get", "watch", "list"], r.Verbs));
    }
}
