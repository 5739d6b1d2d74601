using System.Net;
using BlueGreen.Core.Clusters;
using BlueGreen.Kubernetes.Bootstrap;
using BlueGreen.Kubernetes.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Kubernetes.Tests.Bootstrap;

public sealed class ArgoCdBootstrapTests
{
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 11, 27, 9, 0, 0, TimeSpan.Zero));
    private readonly List<string> _report = [];

    [Fact]
    public async Task AppliesNamespaceCrdsThenObjects_WaitsForArgoCd_AppliesTheRoot_AndWaitsForTheColour()
    {
        var stub = Cluster();
        var probe = new SequenceProbe(ClusterReadiness.No("Application sample-app is OutOfSync/Progressing, not Synced/Healthy."), ClusterReadiness.Yes);

        await RunAsync(Bootstrap(stub, probe).RunAsync("green", ApiServerStub.Read("argocd-install-excerpt.yaml"), ApiServerStub.Read("root-app-of-apps.yaml"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Equal(
            [
                "PATCH /api/v1/namespaces/argocd",
                "PATCH /apis/apiextensions.k8s.io/v1/customresourcedefinitions/applications.argoproj.io",
                "PATCH /api/v1/namespaces/argocd/serviceaccounts/argocd-server",
                "PATCH /apis/rbac.authorization.k8s.io/v1/clusterroles/argocd-server",
                "PATCH /apis/apps/v1/namespaces/argocd/deployments/argocd-server",
                "PATCH /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/app-of-apps",
            ],
            stub.Requests.Where(r => r.StartsWith("PATCH", StringComparison.Ordinal)));
        Assert.All(stub.ContentTypes, t => Assert.Equal("application/apply-patch+yaml", t));
        Assert.All(stub.Queries.Where((_, i) => stub.Requests[i].StartsWith("PATCH", StringComparison.Ordinal)), q => Assert.Equal("?fieldManager=bluegreen&force=true", q));
        Assert.Equal(2, stub.Requests.Count(r => r == "GET /apis/apps/v1/namespaces/argocd/deployments"));
        Assert.Equal(2, probe.Calls);
        Assert.Equal("green is ready.", _report[^1]);
        Assert.Empty(stub.Unexpected);
    }

    [Fact]
    public async Task SendsEachObjectsYamlAsItIs()
    {
        var stub = Cluster();

        await RunAsync(Bootstrap(stub, new SequenceProbe(ClusterReadiness.Yes)).RunAsync("green", ApiServerStub.Read("argocd-install-excerpt.yaml"), ApiServerStub.Read("root-app-of-apps.yaml"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10), CancellationToken.None));

        Assert.Contains("image: quay.io/argoproj/argocd:v3.1.8", stub.Bodies[4], StringComparison.Ordinal);
        Assert.Contains("path: deploy/green/apps", stub.Bodies[5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedObject_IsNamedWithTheServersMessage()
    {
        var stub = Cluster().On("PATCH /apis/apps/v1/namespaces/argocd/deployments/argocd-server", "status-invalid.json", HttpStatusCode.UnprocessableEntity);

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => RunAsync(Bootstrap(stub, new SequenceProbe(ClusterReadiness.Yes)).RunAsync("green", ApiServerStub.Read("argocd-install-excerpt.yaml"), ApiServerStub.Read("root-app-of-apps.yaml"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10), CancellationToken.None)));

        Assert.Equal("Applying Deployment argocd-server was refused (422): admission webhook denied the request", error.Message);
    }

    [Fact]
    public async Task AppliesTheHealthCheck_AfterTheInstall_UnderItsOwnFieldManager()
    {
        var stub = Cluster().On("PATCH /api/v1/namespaces/argocd/configmaps/argocd-cm", "status-ok.json");

        await RunAsync(Bootstrap(stub, new SequenceProbe(ClusterReadiness.Yes)).RunAsync("green", ApiServerStub.Read("argocd-install-excerpt.yaml"), ApiServerStub.Read("argocd-cm-health.yaml"), ApiServerStub.Read("root-app-of-apps.yaml"), TimeSpan.FromMinutes(15), TimeSpan.FromSeconds(10), CancellationToken.None));

        var patches = stub.Requests.Select((r, i) => (Request: r, Query: stub.Queries[i])).Where(p => p.Request.StartsWith("PATCH", StringComparison.Ordinal)).ToList();
        Assert.Equal(
            [
                ("PATCH /apis/apps/v1/namespaces/argocd/deployments/argocd-server", "?fieldManager=bluegreen&force=true"),
                ("PATCH /api/v1/namespaces/argocd/configmaps/argocd-cm", "?fieldManager=bluegreen-argocd-health&force=true"),
                ("PATCH /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/app-of-apps", "?fieldManager=bluegreen&force=true"),
            ],
            patches[^3..]);
        Assert.Contains("resource.customizations.health.argoproj.io_Application", stub.Bodies[5], StringComparison.Ordinal);
        Assert.Contains("Applied the Application health check to argocd-cm (server-side, field manager bluegreen-argocd-health).", _report);
        Assert.Empty(stub.Unexpected);
    }

    [Fact]
    public async Task AColourThatNeverGetsReady_TimesOutWithItsProblems()
    {
        var stub = Cluster();
        var probe = new SequenceProbe(ClusterReadiness.No("Ingress app/sample-app has no load balancer hostname yet."));

        var error = await Assert.ThrowsAsync<TimeoutException>(() => RunAsync(Bootstrap(stub, probe).RunAsync("green", ApiServerStub.Read("argocd-install-excerpt.yaml"), ApiServerStub.Read("root-app-of-apps.yaml"), TimeSpan.FromMinutes(5), TimeSpan.FromSeconds(10), CancellationToken.None)));

        Assert.Contains("green to become ready: Ingress app/sample-app has no load balancer hostname yet.", error.Message, StringComparison.Ordinal);
        Assert.Contains("Run bootstrap again", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AnObjectWithoutAName()
    {
        var error = Assert.Throws<FormatException>(() => ManifestDocument.Split("apiVersion: v1\nkind: ConfigMap\nmetadata: {}\n", "x.yaml"));

        Assert.Contains("x.yaml, document 1", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ManifestUrl_IsTheTaggedInstallYaml()
    {
        Assert.Equal("https://raw.githubusercontent.com/argoproj/argo-cd/v3.1.8/manifests/install.yaml", ArgoCdManifest.Url("v3.1.8").ToString());
        Assert.Throws<ArgumentException>(() => ArgoCdManifest.Url("stable/../x"));
    }

    private static ApiServerStub Cluster() => new ApiServerStub()
        .On("GET /api/v1", "discovery-v1.json")
        .On("GET /apis/apiextensions.k8s.io/v1", "discovery-apiextensions-v1.json")
        .On("GET /apis/rbac.authorization.k8s.io/v1", "discovery-rbac-v1.json")
        .On("GET /apis/apps/v1", "discovery-apps-v1.json")
        .On("GET /apis/argoproj.io/v1alpha1", "discovery-argoproj-v1alpha1.json")
        .On("PATCH /api/v1/namespaces/argocd", "status-ok.json")
        .On("PATCH /apis/apiextensions.k8s.io/v1/customresourcedefinitions/applications.argoproj.io", "status-ok.json")
        .On("PATCH /api/v1/namespaces/argocd/serviceaccounts/argocd-server", "status-ok.json")
        .On("PATCH /apis/rbac.authorization.k8s.io/v1/clusterroles/argocd-server", "status-ok.json")
        .On("PATCH /apis/apps/v1/namespaces/argocd/deployments/argocd-server", "status-ok.json")
        .On("PATCH /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/app-of-apps", "status-ok.json")
        .OnSequence("GET /apis/apps/v1/namespaces/argocd/deployments", "deployments-argocd-starting.json", "deployments-argocd.json");

    private ArgoCdBootstrap Bootstrap(ApiServerStub stub, IClusterProbe probe)
    {
        var client = (k8s.Kubernetes)new StubClientFactory(("ctx", stub)).Create("ctx");
        return new ArgoCdBootstrap(new ServerSideApply(client.HttpClient, client.BaseUri), client, probe, _time, _report.Add);
    }

    private async Task RunAsync(Task task)
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

        await task;
    }

    private sealed class SequenceProbe(params ClusterReadiness[] answers) : IClusterProbe
    {
        public int Calls { get; private set; }

        public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken) =>
            Task.FromResult(answers[Math.Min(Calls++, answers.Length - 1)]);
    }
}
