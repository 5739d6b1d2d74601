using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Tests.Support;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Components;

public sealed class ImageDigestTests
{
    private const string AppDigest = "sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef";

    private const string DnsDigest = "sha256:fedcba9876543210fedcba9876543210fedcba9876543210fedcba9876543210";

    private static V1Container Container(BlueGreen.GitOps.Rendering.RenderedTree tree, string path) =>
        Assert.Single(((V1Deployment)Assert.Single(ManifestReader.Read(tree.Find(path)!)).Value).Spec.Template.Spec.Containers);

    [Fact]
    public void PinsBothImagesByTagOnly_WhenNoDigestIsConfigured()
    {
        var tree = Trees.Default();

        Assert.DoesNotContain("@", Container(tree, "blue/sample-app/deployment.yaml").Image, StringComparison.Ordinal);
        Assert.DoesNotContain("@", Container(tree, "blue/external-dns/deployment.yaml").Image, StringComparison.Ordinal);
    }

    [Fact]
    public void PinsEachImageToItsDigest_KeepingTheTagForReaders()
    {
        var tree = Trees.Render(c => c with { App = c.App with { ImageDigest = AppDigest }, GitOps = c.GitOps with { ExternalDnsDigest = DnsDigest } });

        Assert.Equal($"111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/blue-green-ecr:20250701-000000-initial@{AppDigest}", Container(tree, "green/sample-app/deployment.yaml").Image);
        Assert.Equal($"registry.k8s.io/external-dns/external-dns:v0.23.0@{DnsDigest}", Container(tree, "green/external-dns/deployment.yaml").Image);
    }

    [Fact]
    public void ReadsTheReleaseOfADigestPinnedExternalDnsImage()
    {
        var container = new V1Container { Name = "x", Image = $"registry.k8s.io/external-dns/external-dns:v0.23.0@{DnsDigest}" };

        var settings = ExternalDnsSettings.From(container, out var error);

        Assert.Null(error);
        Assert.NotNull(settings);
    }
}
