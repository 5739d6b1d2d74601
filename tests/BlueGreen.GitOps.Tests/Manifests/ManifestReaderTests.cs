using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Manifests;

public class ManifestReaderTests
{
    private static ManifestParseException Fails(string content) =>
        Assert.Throws<ManifestParseException>(() => ManifestReader.Read(new RenderedFile("x/file.yaml", content)));

    [Fact]
    public void Reads_EveryRenderedDocument_IntoItsTypedModel()
    {
        var (manifests, errors) = ManifestReader.ReadTree(Trees.Default());

        Assert.Empty(errors);
        Assert.Equal(31, manifests.Count);
        var types = manifests.GroupBy(m => m.Value.GetType()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(8, types[typeof(Application)]);
        Assert.Equal(4, types[typeof(V1Deployment)]);
        Assert.Equal(2, types[typeof(V1Ingress)]);
        Assert.Equal(2, types[typeof(V1PodDisruptionBudget)]);
        Assert.All(manifests, m => Assert.Equal(m.Identity.ApiVersion, ((dynamic)m.Value).ApiVersion));
    }

    [Fact]
    public void Rejects_AFieldTheKubernetesModelDoesNotHave()
    {
        var tree = Trees.Default().Replace("blue/sample-app/deployment.yaml", "  replicas: 3", "  replicas: 3\n  replica: 3");

        var exception = Assert.Throws<ManifestParseException>(() => ManifestReader.Read(tree.Find("blue/sample-app/deployment.yaml")!));

        Assert.StartsWith("blue/sample-app/deployment.yaml:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("replica", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AFieldArgoCdDoesNotDefine_InAnApplication()
    {
        var tree = Trees.Default().Replace("green/apps/sample-app.yaml", "      selfHeal: true", "      selfheal: true");

        var (_, errors) = ManifestReader.ReadTree(tree);

        Assert.Contains("selfheal", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AValueOfTheWrongType()
    {
        var tree = Trees.Default().Replace("blue/sample-app/deployment.yaml", "  replicas: 3", "  replicas: three");

        Assert.Throws<ManifestParseException>(() => ManifestReader.Read(tree.Find("blue/sample-app/deployment.yaml")!));
    }

    [Theory]
    [InlineData("            cpu: 300m\n", "            cpu: lots\n")]
    [InlineData("- containerPort: 8080\n", "- containerPort: [8080]\n")]
    [InlineData("          periodSeconds: 5\n", "          periodSeconds: 5s\n")]
    public void Rejects_AValueItsFieldCannotHold_AsAParseError(string oldText, string newText)
    {
        var tree = Trees.Default().Replace("blue/sample-app/deployment.yaml", oldText, newText);

        var exception = Assert.Throws<ManifestParseException>(() => ManifestReader.Read(tree.Find("blue/sample-app/deployment.yaml")!));

        Assert.StartsWith("blue/sample-app/deployment.yaml", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AKindWithoutATypedModel_NamingIt()
    {
        var exception = Fails("apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: old\n");

        Assert.Contains("policy/v1beta1 PodDisruptionBudget has no typed model", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_YamlThatDoesNotParse_WithTheLine()
    {
        var exception = Fails("apiVersion: v1\nkind: Service\nmetadata:\n  name: [unclosed\n");

        Assert.StartsWith("x/file.yaml:", exception.Message, StringComparison.Ordinal);
        Assert.Contains("not valid YAML", exception.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("kind: Service\nmetadata:\n  name: a\n", "has no apiVersion")]
    [InlineData("apiVersion: v1\nmetadata:\n  name: a\n", "has no kind")]
    [InlineData("- a\n- b\n", "is not a mapping")]
    public void Rejects_ADocumentThatIsNotAKubernetesObject(string content, string reason)
    {
        Assert.Contains(reason, Fails(content).Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Reads_SeveralDocumentsOfOneFile_InOrder()
    {
        var manifests = ManifestReader.Read(new RenderedFile("a.yaml", "apiVersion: v1\nkind: Namespace\nmetadata:\n  name: one\n---\napiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: two\n  namespace: one\n"));

        Assert.Equal(["one", "two"], manifests.Select(m => m.Identity.Name));
        Assert.Equal("a.yaml (document 2)", manifests[1].Identity.Location);
        Assert.IsType<V1ServiceAccount>(manifests[1].Value);
    }
}
