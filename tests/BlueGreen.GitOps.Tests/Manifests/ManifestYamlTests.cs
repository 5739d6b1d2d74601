using BlueGreen.GitOps.Manifests;
using k8s;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Manifests;

public class ManifestYamlTests
{
    [Theory]
    [InlineData("0x1F")]
    [InlineData("0o17")]
    [InlineData("1_000")]
    [InlineData("12:30")]
    [InlineData(".inf")]
    [InlineData("+1")]
    [InlineData("-1")]
    [InlineData("2025-07-01")]
    [InlineData("yes")]
    [InlineData("Off")]
    [InlineData("y")]
    [InlineData("~")]
    [InlineData("")]
    [InlineData("a: b")]
    [InlineData("# not a comment")]
    [InlineData("[{\"HTTP\": 80}]")]
    public void Quotes_AStringThatAYamlReaderCouldTakeForSomethingElse(string value)
    {
        var yaml = ManifestYaml.Serialize(new V1ObjectMeta { Name = "x", Annotations = new Dictionary<string, string> { ["k"] = value } });

        Assert.Contains("  k: \"", yaml, StringComparison.Ordinal);
        Assert.Equal(value, KubernetesYaml.Deserialize<V1ObjectMeta>(yaml, strict: true).Annotations["k"]);
    }

    [Theory]
    [InlineData("internet-facing")]
    [InlineData("/readyz")]
    [InlineData("registry.k8s.io/external-dns/external-dns:v0.23.0")]
    [InlineData("https://kubernetes.default.svc")]
    [InlineData("--policy=sync")]
    [InlineData("deregistration_delay.timeout_seconds=30")]
    public void Leaves_APlainWord_Unquoted(string value)
    {
        var yaml = ManifestYaml.Serialize(new V1ObjectMeta { Name = "x", Annotations = new Dictionary<string, string> { ["k"] = value } });

        Assert.Contains($"  k: {value}\n", yaml, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("line one\nline two\n", true)]
    [InlineData("if x then\n  y\nend\n", true)]
    [InlineData("no final newline\nhere", false)]
    [InlineData("trailing space \nhere\n", false)]
    [InlineData("two final newlines\n\n", false)]
    [InlineData("tab\there\n", false)]
    public void Writes_MultiLineText_AsALiteralBlockOnlyWhenItReadsBackExactly(string value, bool literal)
    {
        var yaml = ManifestYaml.Serialize(new V1ConfigMap { Data = new Dictionary<string, string> { ["k"] = value } });

        Assert.Equal(literal, yaml.Contains("  k: |", StringComparison.Ordinal));
        Assert.Equal(value, KubernetesYaml.Deserialize<V1ConfigMap>(yaml, strict: true).Data["k"]);
    }

    [Fact]
    public void Writes_KubernetesFieldNames_ForPropertiesTheClientRenames()
    {
        var yaml = ManifestYaml.Serialize(new V1ObjectMeta { Name = "x", NamespaceProperty = "app" });

        Assert.Equal("name: x\nnamespace: app\n", yaml);
    }

    [Fact]
    public void Omits_UnsetFields()
    {
        Assert.Equal("apiVersion: v1\nkind: Namespace\n", ManifestYaml.Serialize(new V1Namespace { ApiVersion = "v1", Kind = "Namespace" }));
    }
}
