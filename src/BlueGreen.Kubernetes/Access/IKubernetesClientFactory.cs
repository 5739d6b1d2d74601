using k8s;

namespace BlueGreen.Kubernetes.Access;

/// <summary>Makes a Kubernetes client for a kubeconfig context.</summary>
public interface IKubernetesClientFactory
{
    /// <summary>A client for <paramref name="context"/>; throws <see cref="KubeconfigException"/> when the context cannot be used.</summary>
    IKubernetes Create(string context);
}
