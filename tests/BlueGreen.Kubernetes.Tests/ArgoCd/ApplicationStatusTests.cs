using System.Text.Json;
using BlueGreen.Kubernetes.ArgoCd;
using BlueGreen.Kubernetes.Tests.Fakes;

namespace BlueGreen.Kubernetes.Tests.ArgoCd;

public sealed class ApplicationStatusTests
{
    [Fact]
    public void ReadsTheRootApplication_WithItsChildApplications()
    {
        var status = Parse("application-app-of-apps.json");

        Assert.Equal("app-of-apps", status.Name);
        Assert.True(status.SyncedAndHealthy);
        Assert.Equal("6f1e2d3c4b5a69788796a5b4c3d2e1f0a9b8c7d6", status.SyncedRevision);
        Assert.Equal("main", status.TargetRevision);
        Assert.Equal(["aws-load-balancer-controller", "external-dns", "sample-app"], status.ChildApplications);
    }

    [Fact]
    public void ReadsTheSyncWave()
    {
        Assert.Equal(-1, Parse("application-aws-load-balancer-controller.json").SyncWave);
        Assert.Equal(1, Parse("application-sample-app.json").SyncWave);
    }

    [Fact]
    public void ChildResourcesThatAreNotApplications_AreNotChildren()
    {
        Assert.Empty(Parse("application-sample-app.json").ChildApplications);
    }

    [Fact]
    public void AnOutOfSyncApplication_IsNotSyncedAndHealthy()
    {
        var status = Parse("application-sample-app-progressing.json");

        Assert.Equal(("OutOfSync", "Progressing"), (status.SyncStatus, status.HealthStatus));
        Assert.False(status.SyncedAndHealthy);
    }

    [Fact]
    public void AnApplicationWithoutStatus_IsUnknown()
    {
        using var document = JsonDocument.Parse("""{"apiVersion":"argoproj.io/v1alpha1","kind":"Application","metadata":{"name":"new"},"spec":{}}""");

        var status = ApplicationStatus.From(document.RootElement);

        Assert.Equal(("Unknown", "Unknown"), (status.SyncStatus, status.HealthStatus));
        Assert.Empty(status.ChildApplications);
    }

    [Fact]
    public void ReadsAHelmChartSource_ItsRepositoryChartAndVersion()
    {
        var status = Parse("application-aws-load-balancer-controller.json");

        Assert.Equal(("https://aws.github.io/eks-charts", "aws-load-balancer-controller", "1.13.3"), (status.RepoUrl, status.Chart, status.TargetRevision));
    }

    [Fact]
    public void ReadsAGitSource_WithoutAChart()
    {
        var status = Parse("application-external-dns.json");

        Assert.Equal(("https://github.com/jnytnai0613/blue-green-upgrade-blueprints.git", null), (status.RepoUrl, status.Chart));
    }

    [Fact]
    public void Rejects_AnApplicationWithoutAName_WithAFormatError()
    {
        using var document = JsonDocument.Parse("""{"kind":"Application","metadata":{"annotations":[]},"status":{"resources":{}}}""");

        var error = Assert.Throws<FormatException>(() => ApplicationStatus.From(document.RootElement));

        Assert.Equal("The API server returned an Application without metadata.name.", error.Message);
    }

    [Fact]
    public void OddlyShapedAnnotationsAndResources_AreReadAsAbsent()
    {
        using var document = JsonDocument.Parse("""{"kind":"Application","metadata":{"name":"odd","annotations":{"argocd.argoproj.io/sync-wave":3}},"status":{"resources":{}}}""");

        var status = ApplicationStatus.From(document.RootElement);

        Assert.Equal((0, 0), (status.SyncWave, status.ChildApplications.Count));
    }

    private static ApplicationStatus Parse(string file)
    {
        using var document = JsonDocument.Parse(ApiServerStub.Read(file));
        return ApplicationStatus.From(document.RootElement);
    }
}
