using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Rendering;

public class GitOpsRendererTests
{
    [Fact]
    public void Renders_TheSameFilesPerColour_UnderEachColoursDirectory()
    {
        var tree = Trees.Default();

        string[] perColour =
        [
            "app-of-apps.yaml",
            "apps/aws-load-balancer-controller.yaml", "apps/external-dns.yaml", "apps/sample-app.yaml",
            "external-dns/cluster-role-binding.yaml", "external-dns/cluster-role.yaml", "external-dns/deployment.yaml",
            "external-dns/namespace.yaml", "external-dns/service-account.yaml",
            "sample-app/deployment.yaml", "sample-app/ingress.yaml", "sample-app/namespace.yaml",
            "sample-app/pod-disruption-budget.yaml", "sample-app/service-account.yaml", "sample-app/service.yaml",
        ];
        var expected = new[] { "blue", "green" }.SelectMany(c => perColour.Select(f => $"{c}/{f}"))
            .Append("README.md").Append("argocd/argocd-cm-health.yaml").Order(StringComparer.Ordinal);
        Assert.Equal(expected, tree.Files.Select(f => f.Path));
        Assert.Equal(["blue", "green"], tree.Colours.Select(c => c.Colour));
        Assert.Equal("deploy", tree.RootPath);
    }

    [Fact]
    public void Renders_ByteIdenticalFiles_WhenRunTwice()
    {
        var first = GitOpsRenderer.Render(DefaultConfig.Create());
        var second = GitOpsRenderer.Render(DefaultConfig.Create());

        Assert.Equal(first.Files, second.Files);
    }

    [Fact]
    public void Renders_ATreeThatKeepsEveryInvariant_ForTheDefaultConfiguration()
    {
        Assert.Empty(TreeInvariants.Check(Trees.Default()));
    }

    [Fact]
    public void Writes_EveryYamlFile_WithTheNotice_LfLineEndings_AndAFinalNewline()
    {
        foreach (var file in Trees.Default().Files)
        {
            Assert.DoesNotContain('\r', file.Content);
            Assert.EndsWith("\n", file.Content, StringComparison.Ordinal);
            if (file.Path.EndsWith(".yaml", StringComparison.Ordinal))
            {
                Assert.StartsWith(GitOpsRenderer.GeneratedNotice + "\n", file.Content, StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public void Points_EachRootApplication_AtItsOwnColoursAppsDirectory_InTheConfiguredRepository()
    {
        var tree = Trees.Render(c => c with { GitOps = c.GitOps with { RepoUrl = "https://git.example/o/r.git", Revision = "release-7", Path = "gitops/out" } });

        var root = tree.Content("green/app-of-apps.yaml");
        Assert.Contains("repoURL: https://git.example/o/r.git", root, StringComparison.Ordinal);
        Assert.Contains("path: gitops/out/green/apps", root, StringComparison.Ordinal);
        Assert.Contains("targetRevision: release-7", root, StringComparison.Ordinal);
        Assert.Contains("- CreateNamespace=true", root, StringComparison.Ordinal);
        Assert.Contains("path: gitops/out/green/sample-app", tree.Content("green/apps/sample-app.yaml"), StringComparison.Ordinal);
        Assert.Empty(TreeInvariants.Check(tree));
    }

    [Fact]
    public void Names_TheSampleAppImage_InTheAccountsEcrRepository_WithTheConfiguredTag()
    {
        var tree = Trees.Render(c => c with { Account = "012345678901", App = c.App with { ImageTag = "20260101-120000-abc123" } });

        Assert.Contains(
            "image: \"012345678901.dkr.ecr.ap-northeast-1.amazonaws.com/blue-green-ecr:20260101-120000-abc123\"",
            tree.Content("blue/sample-app/deployment.yaml"),
            StringComparison.Ordinal);
    }

    [Fact]
    public void Takes_ReplicasAndResources_FromTheConfiguration()
    {
        var tree = Trees.Render(c => c with { App = c.App with { Replicas = 5, Cpu = "750m", Memory = "1Gi" } });

        var deployment = tree.Content("green/sample-app/deployment.yaml");
        Assert.Contains("replicas: 5", deployment, StringComparison.Ordinal);
        Assert.Contains("cpu: 750m", deployment, StringComparison.Ordinal);
        Assert.Contains("memory: 1Gi", deployment, StringComparison.Ordinal);
    }

    [Fact]
    public void Tells_HowToBootstrapEachCluster_WithThePinnedArgoCdRelease()
    {
        var tree = Trees.Render(c => c with { GitOps = c.GitOps with { ArgoCdVersion = "v3.2.0" } });

        var readme = tree.Content("README.md");
        Assert.Contains("https://raw.githubusercontent.com/argoproj/argo-cd/v3.2.0/manifests/install.yaml", readme, StringComparison.Ordinal);
        Assert.Contains("kubectl --context test-green apply --server-side --field-manager=bluegreen-argocd-health -f deploy/argocd/argocd-cm-health.yaml", readme, StringComparison.Ordinal);
        Assert.Contains("kubectl --context test-blue apply -f deploy/blue/app-of-apps.yaml", readme, StringComparison.Ordinal);
    }

    [Fact]
    public void Adds_TheApplicationHealthCheck_ThatMakesWavesWait()
    {
        var configMap = (k8s.Models.V1ConfigMap)Assert.Single(BlueGreen.GitOps.Manifests.ManifestReader.Read(Trees.Default().Find("argocd/argocd-cm-health.yaml")!)).Value;

        Assert.Equal("argocd-cm", configMap.Metadata.Name);
        Assert.Equal("argocd", configMap.Metadata.NamespaceProperty);
        var lua = configMap.Data["resource.customizations.health.argoproj.io_Application"];
        Assert.StartsWith("hs = {}\n", lua, StringComparison.Ordinal);
        Assert.EndsWith("return hs\n", lua, StringComparison.Ordinal);
    }

    [Fact]
    public void Renders_AColourPerCluster_WhenThereAreThree()
    {
        var tree = Trees.Render(c => c with { Clusters = [.. c.Clusters, DefaultConfig.Cluster("red", "1.34")] });

        Assert.Equal(["blue", "green", "red"], tree.Colours.Select(x => x.Colour));
        Assert.Contains("--txt-owner-id=test-red", tree.Content("red/external-dns/deployment.yaml"), StringComparison.Ordinal);
        Assert.Empty(TreeInvariants.Check(tree));
    }
}
