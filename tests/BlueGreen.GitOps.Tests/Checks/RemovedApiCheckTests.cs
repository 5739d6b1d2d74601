using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;
using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Tests.Checks;

public class RemovedApiCheckTests
{
    private static ManifestIdentity Manifest(string apiVersion, string kind) => new("x.yaml", 0, apiVersion, kind, "it", null);

    [Theory]
    [InlineData("1.31", 0)]
    [InlineData("1.32", 1)]
    [InlineData("1.33", 1)]
    public void Finds_FlowControlV1beta3_FromKubernetes132(string version, int findings)
    {
        var found = RemovedApiCheck.Find([Manifest("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema")], version);

        Assert.Equal(findings, found.Count);
    }

    [Theory]
    [InlineData("1.24", 0)]
    [InlineData("1.25", 1)]
    [InlineData("1.33", 1)]
    public void Finds_PolicyV1beta1Budgets_FromKubernetes125(string version, int findings)
    {
        var found = RemovedApiCheck.Find([Manifest("policy/v1beta1", "PodDisruptionBudget")], version);

        Assert.Equal(findings, found.Count);
    }

    [Fact]
    public void Compares_MinorVersionsAsNumbers_NotText()
    {
        Assert.Empty(RemovedApiCheck.Find([Manifest("policy/v1beta1", "PodDisruptionBudget")], "1.4"));
        Assert.Single(RemovedApiCheck.Find([Manifest("policy/v1beta1", "PodDisruptionBudget")], "1.30"));
    }

    [Fact]
    public void Ignores_ServedVersionsOfAKindWhoseOlderVersionsWereRemoved()
    {
        Assert.Empty(RemovedApiCheck.Find([Manifest("policy/v1", "PodDisruptionBudget"), Manifest("flowcontrol.apiserver.k8s.io/v1", "FlowSchema")], "1.35"));
    }

    [Fact]
    public void Says_WhatToUseInstead_OrThatTheKindIsGone()
    {
        var ingress = Assert.Single(RemovedApiCheck.Find([Manifest("extensions/v1beta1", "Ingress")], "1.22"));
        var policy = Assert.Single(RemovedApiCheck.Find([Manifest("policy/v1beta1", "PodSecurityPolicy")], "1.25"));

        Assert.EndsWith("use networking.k8s.io/v1.", ingress.Message, StringComparison.Ordinal);
        Assert.EndsWith("the kind no longer exists, so remove it.", policy.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AVersionThatIsNotAKubernetesVersion()
    {
        var exception = Assert.Throws<FormatException>(() => RemovedApiCheck.Find([], "1,32"));

        Assert.Contains("\"1.33\"", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_EachColourAgainstItsOwnClusterVersion()
    {
        var flowSchema = "apiVersion: flowcontrol.apiserver.k8s.io/v1beta3\nkind: FlowSchema\nmetadata:\n  name: fs\n";
        var tree = Trees.Render(c => c with { Clusters = [DefaultConfig.Cluster("blue", "1.31"), DefaultConfig.Cluster("green", "1.32")] })
            .With(new RenderedFile("blue/extra/flow.yaml", flowSchema))
            .With(new RenderedFile("green/extra/flow.yaml", flowSchema));

        var finding = Assert.Single(RemovedApiCheck.Find(tree));

        Assert.Equal("green/extra/flow.yaml", finding.Manifest.Path);
        Assert.Equal(new KubernetesVersion(1, 32), finding.ClusterVersion);
    }

    [Fact]
    public void Checks_ADirectoryOnDisk_AsPreflightWouldForTheCandidatesVersion()
    {
        using var temp = new TempDirectory();
        BlueGreen.GitOps.Drift.TreeWriter.Write(Trees.Default(), temp.Path);
        File.WriteAllText(temp.File("blue/sample-app/hpa.yaml"), "apiVersion: autoscaling/v2beta2\nkind: HorizontalPodAutoscaler\nmetadata:\n  name: app\n");

        Assert.Empty(RemovedApiCheck.FindInDirectory(temp.File("blue"), "1.25"));
        var finding = Assert.Single(RemovedApiCheck.FindInDirectory(temp.File("blue"), "1.26"));
        Assert.Equal("sample-app/hpa.yaml", finding.Manifest.Path);
        Assert.Contains("use autoscaling/v2.", finding.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Refuses_ADirectoryThatDoesNotExist()
    {
        Assert.Throws<DirectoryNotFoundException>(() => RemovedApiCheck.FindInDirectory(Path.Combine(Path.GetTempPath(), Guid.NewGuid().ToString("N")), "1.33"));
    }

    [Fact]
    public void Finds_NothingInTheDefaultTree()
    {
        Assert.Empty(RemovedApiCheck.Find(Trees.Default()));
    }

    [Fact]
    public void Lists_EachRemovedApiOnce_WithAReplacementInAnotherVersion()
    {
        var table = KubernetesRemovedApis.All;

        Assert.Equal(table.Count, table.Select(a => (a.ApiVersion, a.Kind)).Distinct().Count());
        Assert.All(table.Where(a => a.Replacement is not null), a => Assert.NotEqual(a.ApiVersion, a.Replacement));
        Assert.Contains(table, a => a is { ApiVersion: "flowcontrol.apiserver.k8s.io/v1beta3", Kind: "PriorityLevelConfiguration" } && a.RemovedIn == new KubernetesVersion(1, 32));
    }
}
