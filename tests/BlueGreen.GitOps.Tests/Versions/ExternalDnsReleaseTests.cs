using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Tests.Versions;

public class ExternalDnsReleaseTests
{
    [Theory]
    [InlineData("v0.18.0", "external-dns.alpha.kubernetes.io/")]
    [InlineData("v0.21.0", "external-dns.alpha.kubernetes.io/")]
    [InlineData("v0.22.0", "external-dns.kubernetes.io/")]
    [InlineData("v0.23.0", "external-dns.kubernetes.io/")]
    public void Reads_TheAnnotationPrefixItsReleaseUses(string tag, string prefix)
    {
        Assert.True(ExternalDnsRelease.TryParse(tag, out var release));
        Assert.Equal(prefix, release!.AnnotationPrefixInUse);
        Assert.Equal(tag, release.Tag);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("latest")]
    [InlineData("0.23.0")]
    [InlineData("v0.23")]
    [InlineData("v0.23.0-rc1")]
    public void Rejects_ATagThatIsNotAPinnedRelease(string? tag)
    {
        Assert.False(ExternalDnsRelease.TryParse(tag, out var release));
        Assert.Null(release);
    }
}
