using BlueGreen.Kubernetes.Access;
using k8s;

namespace BlueGreen.Kubernetes.Tests.Fakes;

/// <summary>Real Kubernetes clients whose HTTP goes to an <see cref="ApiServerStub"/> per context.</summary>
internal sealed class StubClientFactory : IKubernetesClientFactory
{
    private readonly Dictionary<string, ApiServerStub> _stubs;

    public StubClientFactory(params (string Context, ApiServerStub Stub)[] stubs)
    {
        _stubs = stubs.ToDictionary(s => s.Context, s => s.Stub, StringComparer.Ordinal);
    }

    public IKubernetes Create(string context)
    {
        if (!_stubs.TryGetValue(context, out var stub))
        {
            throw new KubeconfigException($"The kubeconfig has no usable context '{context}'.");
        }

        return new k8s.Kubernetes(new KubernetesClientConfiguration { Host = "http://127.0.0.1:9" }, new ForwardingStub(stub));
    }

    // The client disposes its handlers with itself; the stub outlives each client so tests can inspect it.
    private sealed class ForwardingStub(ApiServerStub stub) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            stub.SendForTestAsync(request, cancellationToken);
    }
}
