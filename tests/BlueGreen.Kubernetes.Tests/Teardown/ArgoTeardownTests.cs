using System.Net;
using BlueGreen.Kubernetes.Teardown;
using BlueGreen.Kubernetes.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Kubernetes.Tests.Teardown;

public sealed class ArgoTeardownTests
{
    private const string Apps = "/apis/argoproj.io/v1alpha1/namespaces/argocd/applications";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));

    [Fact]
    public async Task DeletesTheRoot_WithForegroundCascade()
    {
        var stub = new ApiServerStub().On("DELETE " + Apps + "/app-of-apps", "application-app-of-apps.json");

        Assert.True(await Teardown(stub).DeleteRootAsync(CancellationToken.None));

        Assert.Equal(["DELETE " + Apps + "/app-of-apps"], stub.Requests);
        Assert.Contains("\"propagationPolicy\":\"Foreground\"", Assert.Single(stub.Bodies), StringComparison.Ordinal);
    }

    [Fact]
    public async Task DeletingAGoneRoot_IsFine()
    {
        var stub = new ApiServerStub().On("DELETE " + Apps + "/app-of-apps", "status-not-found.json", HttpStatusCode.NotFound);

        Assert.False(await Teardown(stub).DeleteRootAsync(CancellationToken.None));
    }

    [Fact]
    public async Task Snapshot_ListsApplicationsIngressesAndLoadBalancerServices()
    {
        var stub = new ApiServerStub()
            .On("GET " + Apps, "applications-all.json")
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-all-namespaces.json")
            .On("GET /api/v1/services", "services-with-nlb.json");

        var snapshot = await Teardown(stub).SnapshotAsync(CancellationToken.None);

        Assert.Equal(
            ["Application argocd/app-of-apps (wave 0)", "Application argocd/aws-load-balancer-controller (wave -1)", "Application argocd/external-dns (wave 0)", "Application argocd/sample-app (wave 1)", "Ingress app/sample-app", "LoadBalancer Service app/metrics-nlb"],
            snapshot.Describe());
    }

    [Fact]
    public async Task AnUnreadableApplicationList_IsAnErrorWithASentence()
    {
        var stub = new ApiServerStub()
            .On("GET " + Apps, "application-without-metadata.json")
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-none.json")
            .On("GET /api/v1/services", "services-cluster-ip-only.json");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Teardown(stub).SnapshotAsync(CancellationToken.None));

        Assert.StartsWith("The Application list of namespace argocd could not be read", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WaitsUntilEverythingIsGone_InReverseWaveOrder()
    {
        var stub = new ApiServerStub()
            .OnSequence("GET " + Apps, "applications-all.json", "applications-app-gone.json", "applications-lbc-left.json", "applications-none.json")
            .OnSequence("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-all-namespaces.json", "ingresses-none.json")
            .On("GET /api/v1/services", "services-cluster-ip-only.json");

        var (left, problems) = await RunAsync(Teardown(stub).WaitGoneAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.True(left.IsEmpty);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task ReportsTheControllerGoingBeforeTheApp()
    {
        var stub = new ApiServerStub()
            .OnSequence("GET " + Apps, "applications-all.json", "applications-lbc-gone-first.json", "applications-none.json")
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-none.json")
            .On("GET /api/v1/services", "services-cluster-ip-only.json");

        var (_, problems) = await RunAsync(Teardown(stub).WaitGoneAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal(["Application aws-load-balancer-controller (wave -1) went before external-dns (wave 0), sample-app (wave 1)."], problems);
    }

    [Fact]
    public async Task StopsAtOnce_WhenTheControllerIsGone_WhileAnIngressIsLeft()
    {
        var stub = new ApiServerStub()
            .OnSequence("GET " + Apps, "applications-all.json", "applications-lbc-gone-first.json")
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-all-namespaces.json")
            .On("GET /api/v1/services", "services-cluster-ip-only.json");

        var (left, _) = await RunAsync(Teardown(stub).WaitGoneAsync(TimeSpan.FromMinutes(10), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.True(left.LoadBalancersOrphaned);
        Assert.Contains("Ingress app/sample-app", left.Describe());
        Assert.Equal(2, stub.Requests.Count(r => r == "GET " + Apps));
    }

    [Fact]
    public async Task OnTimeout_ReturnsExactlyWhatIsLeft()
    {
        var stub = new ApiServerStub()
            .On("GET " + Apps, "applications-lbc-left.json")
            .On("GET /apis/networking.k8s.io/v1/ingresses", "ingresses-all-namespaces.json")
            .On("GET /api/v1/services", "services-with-nlb.json");

        var (left, _) = await RunAsync(Teardown(stub).WaitGoneAsync(TimeSpan.FromMinutes(1), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal(
            ["Application argocd/app-of-apps (wave 0)", "Application argocd/aws-load-balancer-controller (wave -1)", "Ingress app/sample-app", "LoadBalancer Service app/metrics-nlb"],
            left.Describe());
        Assert.True(_time.GetUtcNow() >= new DateTimeOffset(2026, 11, 27, 9, 1, 0, TimeSpan.Zero));
    }

    private ArgoTeardown Teardown(ApiServerStub stub) => new(new StubClientFactory(("ctx", stub)).Create("ctx"), _time);

    private async Task<T> RunAsync<T>(Task<T> task)
    {
        for (var round = 0; round < 10_000 && !task.IsCompleted; round++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            _time.Advance(TimeSpan.FromSeconds(10));
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException("The code under test did not finish within 10000 clock steps of 10 s.");
        }

        return await task;
    }
}
