using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class TreeInvariantsTests
{
    [Fact]
    public void Passes_TheDefaultTree()
    {
        Assert.Empty(TreeInvariants.Check(Trees.Default()));
    }

    [Fact]
    public void Reports_AManifestThatDoesNotReadBack()
    {
        var tree = Trees.Default().Replace("green/sample-app/service.yaml", "  type: ClusterIP", "  type: ClusterIP\n  typo: true");

        Assert.Contains("green/sample-app/service.yaml", Assert.Single(TreeInvariants.Check(tree)), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_AManifestUsingAnApiItsClusterNoLongerServes()
    {
        var tree = Trees.Default().With(new RenderedFile(
            "blue/sample-app/old-budget.yaml",
            "apiVersion: policy/v1beta1\nkind: PodDisruptionBudget\nmetadata:\n  name: old\n  namespace: app\nspec:\n  maxUnavailable: 1\n"));

        var violations = TreeInvariants.Check(tree);

        Assert.Equal(2, violations.Count);
        Assert.Contains(violations, v => v.Contains("policy/v1beta1 PodDisruptionBudget has no typed model", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.EndsWith("policy/v1beta1 PodDisruptionBudget 'old' is not served by Kubernetes 1.32 (removed in 1.25); use policy/v1.", StringComparison.Ordinal));
    }

    [Fact]
    public void Reports_TheSameRemovedApi_OnlyForColoursWhoseVersionDropped()
    {
        var flowSchema = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: fs\n";
        var tree = Trees.Render(c => c with { Clusters = [DefaultConfig.Cluster("blue", "1.31"), DefaultConfig.Cluster("green", "1.32")] })
            .With(new RenderedFile("blue/extra/flow.yaml", flowSchema))
            .With(new RenderedFile("green/extra/flow.yaml", flowSchema));

        var removed = TreeInvariants.Check(tree).Where(v => v.Contains("is not served by", StringComparison.Ordinal)).ToList();

        Assert.StartsWith("green/extra/flow.yaml:", Assert.Single(removed), StringComparison.Ordinal);
    }

    [Fact]
    public void Reports_BrokenRulesOfEveryKind_Together()
    {
        var tree = Trees.Default()
            .Replace("green/apps/sample-app.yaml", "  finalizers:\n  - resources-finalizer.argocd.argoproj.io\n", string.Empty)
            .Replace("green/external-dns/deployment.yaml", "--txt-owner-id=test-green", "--txt-owner-id=test-blue")
            .Replace("blue/sample-app/deployment.yaml", ":20250701-000000-initial\"", ":latest\"")
            .Replace("blue/apps/sample-app.yaml", "      selfHeal: true", "      selfHeal: true\n    syncOptions:\n    - Prune=maybe");

        var violations = TreeInvariants.Check(tree);

        Assert.Equal(4, violations.Count);
        Assert.Contains(violations, v => v.Contains("lacks resources-finalizer", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("owner id 'test-blue' is also blue's", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("uses :latest", StringComparison.Ordinal));
        Assert.Contains(violations, v => v.Contains("'Prune=maybe', which is not an Argo CD sync option", StringComparison.Ordinal));
    }
}
