using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class ApplicationTreeRulesTests
{
    private static IReadOnlyList<string> Check(RenderedTree tree, string colour) => ApplicationTreeRules.Check(tree, colour, Parsed.Of(tree, colour));

    [Theory]
    [InlineData("blue")]
    [InlineData("green")]
    public void Passes_EachDefaultColour(string colour)
    {
        Assert.Empty(Check(Trees.Default(), colour));
    }

    [Fact]
    public void Fails_AChildWithoutTheResourcesFinalizer()
    {
        var tree = Trees.Default().Replace("green/apps/sample-app.yaml", "  finalizers:\n  - resources-finalizer.argocd.argoproj.io\n", string.Empty);

        Assert.Contains("lacks resources-finalizer.argocd.argoproj.io", Assert.Single(Check(tree, "green")), StringComparison.Ordinal);
        Assert.Empty(Check(tree, "blue"));
    }

    [Fact]
    public void Fails_WhenExternalDnsSyncsBeforeTheLoadBalancerController()
    {
        var tree = Trees.Default().Replace("blue/apps/external-dns.yaml", "sync-wave: \"0\"", "sync-wave: \"-2\"");

        Assert.Contains("must sync before ExternalDNS", Assert.Single(Check(tree, "blue")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_WhenTheSampleAppSyncsWithTheControllers()
    {
        var tree = Trees.Default().Replace("blue/apps/sample-app.yaml", "sync-wave: \"1\"", "sync-wave: \"0\"");

        Assert.Contains("has an Ingress, so its wave (0) must come after", Assert.Single(Check(tree, "blue")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AChildWithoutAWave()
    {
        var tree = Trees.Default().Replace("blue/apps/sample-app.yaml", "  annotations:\n    argocd.argoproj.io/sync-wave: \"1\"\n", string.Empty);

        Assert.Contains("its wave () must come after", Assert.Single(Check(tree, "blue")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_ARootThatFollowsAnotherColoursApps()
    {
        var tree = Trees.Default().Replace("blue/app-of-apps.yaml", "path: deploy/blue/apps", "path: deploy/green/apps");

        Assert.Contains("not this colour's apps directory 'deploy/blue/apps'", Assert.Single(Check(tree, "blue")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AMissingRoot()
    {
        var tree = Trees.Default().Without("green/app-of-apps.yaml");

        Assert.Contains("must hold exactly one Argo CD Application", Assert.Single(Check(tree, "green")), StringComparison.Ordinal);
    }

    [Fact]
    public void Fails_AChildThatDeploysFromAnotherColoursDirectory()
    {
        var tree = Trees.Default().Replace("blue/apps/sample-app.yaml", "path: deploy/blue/sample-app", "path: deploy/green/sample-app");

        Assert.Contains(Check(tree, "blue"), v => v.Contains("is not a directory of manifests under 'deploy/blue/'", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_AChildThatDeploysFromAnEmptyDirectory()
    {
        var tree = Trees.Default().Replace("green/apps/external-dns.yaml", "path: deploy/green/external-dns", "path: deploy/green/nothing-here");

        Assert.Contains(Check(tree, "green"), v => v.Contains("'deploy/green/nothing-here' is not a directory of manifests", StringComparison.Ordinal));
    }

    [Fact]
    public void Fails_SomethingOtherThanAnApplication_InTheAppsDirectory()
    {
        var tree = Trees.Default().With(new RenderedFile("blue/apps/stray.yaml", "apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: stray\n"));

        Assert.Contains("the apps directory holds only Applications; found ConfigMap", Assert.Single(Check(tree, "blue")), StringComparison.Ordinal);
    }
}
