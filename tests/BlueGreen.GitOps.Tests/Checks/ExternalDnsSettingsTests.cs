using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Checks;

public class ExternalDnsSettingsTests
{
    private static ExternalDnsSettings Settings(string tag, params string[] args) =>
        ExternalDnsSettings.From(new V1Container { Name = "x", Image = $"{ExternalDnsRelease.ImageRepository}:{tag}", Args = args }, out _)!;

    private static V1Ingress Ingress(string prefix, string? source, string? hostnames) => new()
    {
        Metadata = new V1ObjectMeta
        {
            Annotations = new Dictionary<string, string>
            {
                [prefix + "ingress-hostname-source"] = source ?? string.Empty,
                [prefix + "hostname"] = hostnames ?? string.Empty,
            }.Where(p => p.Value.Length > 0).ToDictionary(p => p.Key, p => p.Value),
        },
        Spec = new V1IngressSpec
        {
            Rules = [new V1IngressRule { Host = "rule.example.com" }],
            Tls = [new V1IngressTLS { Hosts = ["tls.example.com"] }],
        },
    };

    [Fact]
    public void Publishes_RulesTlsAndAnnotatedHosts_ByDefault()
    {
        var hosts = Settings("v0.23.0").PublishedHostnames(Ingress("external-dns.kubernetes.io/", null, "a.example.com, b.example.com"));

        Assert.Equal(["rule.example.com", "tls.example.com", "a.example.com", "b.example.com"], hosts);
    }

    [Fact]
    public void Publishes_OnlyAnnotatedHosts_WithAnnotationOnly()
    {
        var hosts = Settings("v0.23.0").PublishedHostnames(Ingress("external-dns.kubernetes.io/", "annotation-only", "a.example.com"));

        Assert.Equal(["a.example.com"], hosts);
    }

    [Fact]
    public void Publishes_OnlyDefinedHosts_WithDefinedHostsOnly()
    {
        var hosts = Settings("v0.23.0").PublishedHostnames(Ingress("external-dns.kubernetes.io/", "defined-hosts-only", "a.example.com"));

        Assert.Equal(["rule.example.com", "tls.example.com"], hosts);
    }

    [Fact]
    public void Ignores_AnnotationsInThePrefixTheReleaseDoesNotRead()
    {
        var hosts = Settings("v0.23.0", "--ignore-ingress-rules-spec", "--ignore-ingress-tls-spec")
            .PublishedHostnames(Ingress("external-dns.alpha.kubernetes.io/", "annotation-only", "a.example.com"));

        Assert.Empty(hosts);
    }

    [Fact]
    public void Reads_TheLegacyPrefix_ForReleasesBefore0_22_UnlessTheFlagSaysOtherwise()
    {
        Assert.Equal("external-dns.alpha.kubernetes.io/", Settings("v0.21.0").AnnotationPrefix);
        Assert.Equal("custom.example/", Settings("v0.21.0", "--annotation-prefix=custom.example/").AnnotationPrefix);
        Assert.Equal("external-dns.kubernetes.io/", Settings("v0.22.0").AnnotationPrefix);
    }

    [Fact]
    public void Refuses_AnImageWithoutAPinnedRelease()
    {
        var settings = ExternalDnsSettings.From(new V1Container { Name = "x", Image = $"{ExternalDnsRelease.ImageRepository}:latest" }, out var error);

        Assert.Null(settings);
        Assert.Contains("is not a pinned release", error, StringComparison.Ordinal);
    }
}
