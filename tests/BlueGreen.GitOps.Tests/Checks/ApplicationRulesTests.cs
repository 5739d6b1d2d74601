using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class ApplicationRulesTests
{
    private static Application Child() =>
        (Application)Assert.Single(ManifestReader.Read(Trees.Default().Find("blue/apps/external-dns.yaml")!)).Value;

    private static Application Chart() =>
        (Application)Assert.Single(ManifestReader.Read(Trees.Default().Find("blue/apps/aws-load-balancer-controller.yaml")!)).Value;

    private static string Fails(Application application) => Assert.Single(ApplicationRules.Validate(application, "here"));

    [Fact]
    public void Accepts_EveryRenderedApplication()
    {
        var (manifests, _) = ManifestReader.ReadTree(Trees.Default());

        foreach (var manifest in manifests.Where(m => m.Value is Application))
        {
            Assert.Empty(ApplicationRules.Validate((Application)manifest.Value, manifest.Identity.Location));
        }
    }

    [Fact]
    public void Rejects_ASyncOptionArgoCdDoesNotKnow()
    {
        var application = Child();
        application.Spec!.SyncPolicy!.SyncOptions = ["CreateNamespaces=true"];

        Assert.Contains("'CreateNamespaces=true', which is not an Argo CD sync option", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_BothSourceAndSources()
    {
        var application = Child();
        application.Spec!.Sources = [application.Spec.Source!];

        Assert.Contains("exactly one of source and sources", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ASourceWithBothPathAndChart()
    {
        var application = Child();
        application.Spec!.Source!.Chart = "something";

        Assert.Contains(ApplicationRules.Validate(application, "here"), e => e.Contains("exactly one of path", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("*")]
    [InlineData("1.13.x")]
    [InlineData("")]
    public void Rejects_AChartWithoutAPinnedVersion(string revision)
    {
        var application = Chart();
        application.Spec!.Source!.TargetRevision = revision;

        Assert.Contains("targetRevision", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ADestinationWithBothServerAndName()
    {
        var application = Child();
        application.Spec!.Destination!.Name = "in-cluster";

        Assert.Contains("exactly one of server and name", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AWaveThatIsNotAnInteger()
    {
        var application = Child();
        application.Metadata!.Annotations[Application.SyncWaveAnnotation] = "first";

        Assert.Contains("a sync wave is an integer", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AFinalizerArgoCdDoesNotActOn()
    {
        var application = Child();
        application.Metadata!.Finalizers = ["resources-finalizer.argoproj.io"];

        Assert.Contains("does not act on", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AnApplicationOutsideTheArgoCdNamespace()
    {
        var application = Child();
        application.Metadata!.NamespaceProperty = "default";

        Assert.Contains("Argo CD reads Applications from argocd", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ABackoffThatIsNotADuration()
    {
        var application = Child();
        application.Spec!.SyncPolicy!.Retry!.Backoff!.Duration = "ten seconds";

        Assert.Contains("backoff.duration", Fails(application), StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AMissingProjectAndDestination_Together()
    {
        var application = Child();
        application.Spec!.Project = null;
        application.Spec.Destination = null;

        Assert.Equal(2, ApplicationRules.Validate(application, "here").Count);
    }
}
