using Amazon.Runtime;
using BlueGreen.Aws.Credentials;
using BlueGreen.Cli.Composition;
using BlueGreen.Kubernetes.Access;
using k8s;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>AWS mode's services pointed at a moto_server through the endpoint variables, as an operator points the CLI at one.</summary>
internal static class MotoServices
{
    public static AwsModeServices For(MotoFixture moto, bool credentials = true) => new()
    {
        Credentials = credentials ? new FixedAwsCredentialSource(MotoFixture.Credentials) : new NoCredentials(),
        Environment = moto.EnvironmentLookup("ap-northeast-1"),
        Kubernetes = new NoContexts(),
    };

    /// <summary>The default chain finding nothing.</summary>
    public sealed class NoCredentials : IAwsCredentialSource
    {
        public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult<AWSCredentials?>(null);
    }

    /// <summary>A kubeconfig with no context at all.</summary>
    public sealed class NoContexts : IKubernetesClientFactory
    {
        public IKubernetes Create(string context) => throw new KubeconfigException($"The kubeconfig has no usable context '{context}'.");
    }
}
