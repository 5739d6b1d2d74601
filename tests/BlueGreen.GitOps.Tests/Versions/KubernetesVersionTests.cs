using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Tests.Versions;

public class KubernetesVersionTests
{
    [Theory]
    [InlineData("1.33", 1, 33)]
    [InlineData("v1.30", 1, 30)]
    [InlineData("1.32.4", 1, 32)]
    [InlineData(" 1.4 ", 1, 4)]
    public void Reads_MinorVersions(string text, int major, int minor)
    {
        Assert.Equal(new KubernetesVersion(major, minor), KubernetesVersion.Parse(text));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("1")]
    [InlineData("1.x")]
    [InlineData("latest")]
    public void Rejects_TextThatIsNotAVersion(string? text)
    {
        Assert.False(KubernetesVersion.TryParse(text, out _));
        Assert.Throws<FormatException>(() => KubernetesVersion.Parse(text));
    }

    [Fact]
    public void Orders_1_30_After_1_4()
    {
        Assert.True(KubernetesVersion.Parse("1.30") > KubernetesVersion.Parse("1.4"));
        Assert.True(KubernetesVersion.Parse("1.4") < KubernetesVersion.Parse("1.30"));
        Assert.Equal("1.30", KubernetesVersion.Parse("1.30").ToString());
    }
}
