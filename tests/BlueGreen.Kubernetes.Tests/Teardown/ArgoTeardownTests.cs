using System.Net;
using BlueGreen.Core.Teardown;
using BlueGreen.Kubernetes.Teardown;
using BlueGreen.Kubernetes.Tests.Fakes;

namespace BlueGreen.Kubernetes.Tests.Teardown;

public sealed class ArgoTeardownTests
{
    private const string Apps = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";

    [Fact]
    public async Task TurnsOffTheRootsAutomatedSync_WithAMergePatchThatKeepsTheSyncOptions()
    {
        var stub = new ApiServerStub().On("PATCH " + Apps + "/app-of-apps", "application-app-of-apps-sync-off.json");

        await Teardown(stub).DisableRootSyncAsync(CancellationToken.None);

        Assert.Equal(["PATCH " + Apps + "/app-of-apps"], stub.Requests);
        Assert.Equal("application/merge-patch+json", Assert.Single(stub.ContentTypes));
        Assert.Equal("{\"spec\":{\"syncPolicy\":{\"automated\":null}}}", Assert.Single(stub.Bodies));
    }

    [Theory]
    [InlineData("application-app-of-apps.json", HttpStatusCode.OK, true)]
    [InlineData("application-app-of-apps-sync-off.json", HttpStatusCode.OK, false)]
    [InlineData("status-not-found.json", HttpStatusCode.NotFound, false)]
    public async Task ReadsWhetherTheRootStillSyncsByItself(string file, HttpStatusCode status, bool expected)
    {
        var stub = new ApiServerStub().On("GET " + Apps + "/app-of-apps", file, status);

        Assert.Equal(expected, await Teardown(stub).RootSyncsAutomaticallyAsync(CancellationToken.None));
    }

    [Fact]
    public async Task DeletesAnApplication_WithForegroundCascade()
    {
        var stub = new ApiServerStub().On("DELETE " + Apps + "/sample-app", "application-sample-app.json");

        await Teardown(stub).DeleteApplicationAsync("sample-app", CancellationToken.None);

        Assert.Equal(["DELETE " + Apps + "/sample-app"], stub.Requests);
        Assert.Contains("\"propagationPolicy\":\"Foreground\"", Assert.Single(stub.Bodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAGoneApplication_IsFine()
    {
        var stub = new ApiServerStub().On("DELETE " + Apps + "/app-of-apps", "status-not-found.json", HttpStatusCode.NotFound);

        await Teardown(stub).DeleteApplicationAsync("app-of-apps", CancellationToken.None);

        Assert.Empty(stub.Unexpected);
    }

    [Fact]
    public async Task TheWorkloads_AreTheApplicationsButTheRootAndTheControllers()
    {
        var stub = new ApiServerStub().On("GET " + Apps, "applications-all.json");
        string[] kept = [TeardownPlan.RootApplication, TeardownPlan.ExternalDnsApplication, TeardownPlan.LoadBalancerControllerApplication];

        Assert.Equal(["sample-app"], await Teardown(stub).ApplicationsExceptAsync(kept, CancellationToken.None));
    }

    [Fact]
    public async Task ListsTheNamedApplicationsLeft_OrEveryOne()
    {
        var stub = new ApiServerStub().On("GET " + Apps, "applications-lbc-left.json");
        var teardown = Teardown(stub);

        Assert.Equal(["aws-load-balancer-controller"], await teardown.ApplicationsLeftAsync(["aws-load-balancer-controller", "external-dns"], CancellationToken.None));
        Assert.Equal(["app-of-apps", "aws-load-balancer-controller"], await teardown.ApplicationsLeftAsync(null, CancellationToken.None));
    }

    [Fact]
    public async Task ListsIngressesAndLoadBalancerServices_InEveryNamespace()
    {
        var stub = new ApiServerStub()
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-all-namespaces.json")
            .On("GET /api/v1/services", "services-with-nlb.json");

        Assert.Equal(["Ingress app/sample-app", "LoadBalancer Service app/metrics-nlb"], await Teardown(stub).LoadBalancedObjectsAsync(CancellationToken.None));
    }

    [Fact]
    public async Task AnUnreadableApplicationList_IsAnErrorWithASentence()
    {
        var stub = new ApiServerStub().On("GET " + Apps, "application-without-metadata.json");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Teardown(stub).ApplicationsLeftAsync(null, CancellationToken.None));

        Assert.StartsWith("The Application list of namespace argocd could not be read", error.Message, StringComparison.Ordinal);
    }

    private static ArgoTeardown Teardown(ApiServerStub stub) => new(new StubClientFactory(("ctx", stub)).Create("ctx"));
}
