using System.Net;
using BlueGreen.Kubernetes.Access;
using BlueGreen.Kubernetes.Tests.Fakes;

namespace BlueGreen.Kubernetes.Tests.Access;

public sealed class ContextCheckTests
{
    [Fact]
    public async Task AReachableContext_ReportsTheServersMinorVersion()
    {
        var stub = new ApiServerStub().On("GET /version/", "version-eks-1.33.json");

        var outcome = await ContextCheck.CheckAsync(new StubClientFactory(("test-green", stub)), "test-green", CancellationToken.None);

        Assert.Equal(new ContextCheck.Outcome(true, "1.33", "context test-green reaches Kubernetes v1.33.5-eks-3cfe0ce"), outcome);
        Assert.Equal(["GET /version/"], stub.Requests);
    }

    [Fact]
    public async Task AMissingContext_IsUnreachable_WithWhatToDo()
    {
        var outcome = await ContextCheck.CheckAsync(new StubClientFactory(), "test-green", CancellationToken.None);

        Assert.False(outcome.Reachable);
        Assert.Contains("no usable context 'test-green'", outcome.Detail, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARefusedToken_SaysToCheckTheAccessEntry()
    {
        var stub = new ApiServerStub().On("GET /version/", "status-unauthorized.json", HttpStatusCode.Unauthorized);

        var outcome = await ContextCheck.CheckAsync(new StubClientFactory(("test-green", stub)), "test-green", CancellationToken.None);

        Assert.False(outcome.Reachable);
        Assert.Contains("EKS access entry", outcome.Detail, StringComparison.Ordinal);
    }
}
