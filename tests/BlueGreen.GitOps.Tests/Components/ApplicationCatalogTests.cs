using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Components;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Components;

public class ApplicationCatalogTests
{
    [Fact]
    public void Lists_ExactlyTheRenderedChildren_WithTheirWavesAndNamespaces()
    {
        var rendered = Parsed.Of(Trees.Default(), "blue")
            .Where(m => m.Identity.Path.StartsWith("blue/apps/", StringComparison.Ordinal))
            .Select(m => (Application)m.Value)
            .Select(a => new CatalogedApplication(a.Metadata!.Name, int.Parse(a.Metadata.Annotations[Application.SyncWaveAnnotation], System.Globalization.CultureInfo.InvariantCulture), a.Spec!.Destination!.Namespace!))
            .OrderBy(a => a.Wave);

        Assert.Equal(ApplicationCatalog.Children, rendered);
    }

    [Fact]
    public void Tears_Down_TheSampleAppFirst_TheLoadBalancerControllerLast_ThenTheRoot()
    {
        Assert.Equal(["sample-app", "external-dns", "aws-load-balancer-controller", "app-of-apps"], ApplicationCatalog.TeardownOrder);
    }
}
