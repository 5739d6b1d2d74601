using System.Net;
using BlueGreen.Kubernetes.Clusters;
using BlueGreen.Kubernetes.Tests.Fakes;

namespace BlueGreen.Kubernetes.Tests.Clusters;

public sealed class KubernetesClusterProbeTests
{
    private const string Apps = "GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/";

    [Fact]
    public async Task AReadyColour_IsReady_AfterReadingExactlyTheObjectsThatDecideIt()
    {
        var stub = new ApiServerStub().ReadyColour();

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.True(readiness.Ready, string.Join("; ", readiness.Problems));
        Assert.Equal(
            [Apps + "app-of-apps", Apps + "aws-load-balancer-controller", Apps + "external-dns", Apps + "sample-app", "GET /apis/apps/v1/namespaces/app/deployments", "GET /apis/networking.k8s.io/v1/namespaces/app/ingresses"],
            stub.Requests);
        Assert.Empty(stub.Unexpected);
    }

    [Fact]
    public async Task AChildThatIsStillSyncing_IsNamed()
    {
        var stub = new ApiServerStub().ReadyColour().On(Apps + "sample-app", "application-sample-app-progressing.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.False(readiness.Ready);
        Assert.Contains("Application sample-app is OutOfSync/Progressing, not Synced/Healthy.", readiness.Problems);
    }

    [Fact]
    public async Task AnApplicationAtAnotherCommit_IsNotReady()
    {
        var stub = new ApiServerStub().ReadyColour();

        var readiness = await Probe(stub, expectedCommit: "1111111111111111111111111111111111111111").CheckAsync("green", CancellationToken.None);

        // The root, external-dns and sample-app come from the GitOps repository; the controller is a Helm chart.
        Assert.Equal(3, readiness.Problems.Count(p => p.Contains("not 1111111111111111111111111111111111111111", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task TheControllerChartApplication_IsReady_AtTheConfiguredChartVersion_WhateverTheGitRevision()
    {
        var readiness = await Probe(new ApiServerStub().ReadyColour(), targetRevision: "release").CheckAsync("green", CancellationToken.None);

        Assert.DoesNotContain(readiness.Problems, p => p.Contains("aws-load-balancer-controller", StringComparison.Ordinal));
        Assert.Contains("Application external-dns targets revision 'main', not 'release' (gitops.revision).", readiness.Problems);
    }

    [Fact]
    public async Task TheControllerChartApplication_AtAnotherChartVersion_IsNotReady()
    {
        var probe = new KubernetesClusterProbe(new StubClientFactory(("test-green", new ApiServerStub().ReadyColour())), Options() with
        {
            ChartVersions = new Dictionary<string, string> { ["aws-load-balancer-controller"] = "1.14.0" },
        });

        var readiness = await probe.CheckAsync("green", CancellationToken.None);

        Assert.Equal(["Application aws-load-balancer-controller installs chart aws-load-balancer-controller 1.13.3, not the configured 1.14.0."], readiness.Problems);
    }

    [Fact]
    public async Task TheRepositoryUrl_MatchesWithOrWithoutDotGit()
    {
        var probe = new KubernetesClusterProbe(new StubClientFactory(("test-green", new ApiServerStub().ReadyColour())), Options(targetRevision: "release") with
        {
            RepoUrl = "https://github.com/jnytnai0613/blue-green-upgrade-blueprints/",
        });

        var readiness = await probe.CheckAsync("green", CancellationToken.None);

        Assert.Equal(3, readiness.Problems.Count(p => p.Contains("not 'release'", StringComparison.Ordinal)));
    }

    [Fact]
    public async Task ADeploymentMidRollout_WhoseOldPodsKeepItAvailable_IsNotReady()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/apps/v1/namespaces/app/deployments", "deployments-mid-rollout.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["Deployment app/sample-app is rolling out: 1 of 3 replicas updated."], readiness.Problems);
    }

    [Fact]
    public async Task ADeploymentPastItsProgressDeadline_IsNotReady_WithTheControllersMessage()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/apps/v1/namespaces/app/deployments", "deployments-deadline-exceeded.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["Deployment app/sample-app exceeded its progress deadline: ReplicaSet \"sample-app-6d8f7c9b5d\" has timed out progressing."], readiness.Problems);
    }

    [Fact]
    public async Task AnApplicationWithoutAName_IsAProbeFailure_NotACrash()
    {
        var stub = new ApiServerStub().ReadyColour().On(Apps + "sample-app", "application-without-metadata.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["The green cluster (context test-green) probe failed: an answer of the API server could not be read (The API server returned an Application without metadata.name.)."], readiness.Problems);
    }

    [Fact]
    public async Task AnApplicationTargetingAnotherBranch_IsNotReady()
    {
        var readiness = await Probe(new ApiServerStub().ReadyColour(), targetRevision: "release").CheckAsync("green", CancellationToken.None);

        Assert.Contains("Application app-of-apps targets revision 'main', not 'release' (gitops.revision).", readiness.Problems);
    }

    [Fact]
    public async Task AMissingRootApplication_SaysToBootstrap()
    {
        var stub = new ApiServerStub().ReadyColour().On(Apps + "app-of-apps", "status-not-found.json", HttpStatusCode.NotFound);

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Contains(readiness.Problems, p => p.Contains("bluegreen bootstrap", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ADeploymentStillRolling_IsNamedWithItsCounts()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/apps/v1/namespaces/app/deployments", "deployments-rolling.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["Deployment app/sample-app is not Available (MinimumReplicasUnavailable)."], readiness.Problems);
    }

    [Fact]
    public async Task NoDeployment_IsNotReady()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/apps/v1/namespaces/app/deployments", "deployments-empty.json");

        Assert.Contains(
            "No Deployment in namespace app; Argo CD has not created the app yet.",
            (await Probe(stub).CheckAsync("green", CancellationToken.None)).Problems);
    }

    [Fact]
    public async Task AnIngressWithoutAlb_IsNotReady()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/networking.k8s.io/v1/namespaces/app/ingresses", "ingresses-pending.json");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["Ingress app/sample-app has no load balancer hostname yet; the load balancer controller has not provisioned its ALB."], readiness.Problems);
    }

    [Fact]
    public async Task AForbiddenAnswer_SaysToCheckTheAccessEntry()
    {
        var stub = new ApiServerStub().ReadyColour().On(Apps + "app-of-apps", "status-forbidden.json", HttpStatusCode.Forbidden);

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Contains("EKS access entry", Assert.Single(readiness.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AServerError_IsAProblem_NamingTheRequest()
    {
        var stub = new ApiServerStub().ReadyColour().On("GET /apis/apps/v1/namespaces/app/deployments", "status-not-found.json", HttpStatusCode.InternalServerError);

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.Equal(["The green cluster (context test-green) answered 500 to GET /apis/apps/v1/namespaces/app/deployments; check the API server's health."], readiness.Problems);
    }

    [Fact]
    public async Task ARequestThatTimesOut_IsAProbeFailure_NotACrash()
    {
        var stub = new ApiServerStub().ReadyColour().TimeOut("GET /apis/apps/v1/namespaces/app/deployments");

        var readiness = await Probe(stub).CheckAsync("green", CancellationToken.None);

        Assert.StartsWith("The green cluster (context test-green) probe failed: the API server did not answer in time", Assert.Single(readiness.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingContext_IsAProblem_NotACrash()
    {
        var probe = new KubernetesClusterProbe(new StubClientFactory(), Options());

        var readiness = await probe.CheckAsync("green", CancellationToken.None);

        Assert.Contains("no usable context 'test-green'", Assert.Single(readiness.Problems), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnUnconfiguredColour_IsRejected()
    {
        await Assert.ThrowsAsync<ArgumentException>(() => Probe(new ApiServerStub()).CheckAsync("red", CancellationToken.None));
    }

    [Fact]
    public async Task GivesTheIngressHostname_ForTheRoute53Alias()
    {
        var stub = new ApiServerStub().ReadyColour();

        Assert.Equal("k8s-app-sampleap-3f9c1d2e4b-1234567890.ap-northeast-1.elb.amazonaws.com", await Probe(stub).GetIngressHostnameAsync("green", CancellationToken.None));
        Assert.Equal(["GET /apis/networking.k8s.io/v1/namespaces/app/ingresses"], stub.Requests);
    }

    [Fact]
    public async Task GivesNoHostname_WhileTheAlbIsPending()
    {
        var stub = new ApiServerStub().On("GET /apis/networking.k8s.io/v1/namespaces/app/ingresses", "ingresses-pending.json");

        Assert.Null(await Probe(stub).GetIngressHostnameAsync("green", CancellationToken.None));
    }

    private static KubernetesClusterProbe Probe(ApiServerStub stub, string targetRevision = "main", string? expectedCommit = null) =>
        new(new StubClientFactory(("test-green", stub)), Options(targetRevision, expectedCommit));

    private static ClusterProbeOptions Options(string targetRevision = "main", string? expectedCommit = null) => new()
    {
        Contexts = new Dictionary<string, string> { ["blue"] = "test-blue", ["green"] = "test-green" },
        RepoUrl = "https://github.com/jnytnai0613/blue-green-upgrade-blueprints.git",
        TargetRevision = targetRevision,
        ChartVersions = new Dictionary<string, string> { ["aws-load-balancer-controller"] = "1.13.3" },
        ExpectedCommit = expectedCommit,
    };
}
