using k8s;
using k8s.Exceptions;

namespace BlueGreen.Kubernetes.Access;

/// <summary>Clients from a kubeconfig file (KUBECONFIG or ~/.kube/config), as <c>aws eks update-kubeconfig</c> writes it.</summary>
public sealed class KubeconfigClientFactory : IKubernetesClientFactory
{
    private readonly string _path;
    private readonly DelegatingHandler[] _handlers;

    /// <param name="path">The kubeconfig file.</param>
    /// <param name="handlers">Extra HTTP handlers, outermost first.</param>
    public KubeconfigClientFactory(string path, params DelegatingHandler[] handlers)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = path;
        _handlers = handlers;
    }

    /// <summary>The kubeconfig kubectl would use: the first file of KUBECONFIG, else ~/.kube/config.</summary>
    public static string DefaultPath(Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        var fromEnvironment = environment("KUBECONFIG")?.Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries).FirstOrDefault();
        return fromEnvironment ?? Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".kube", "config");
    }

    public IKubernetes Create(string context)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(context);
        if (!File.Exists(_path))
        {
            throw new KubeconfigException($"The kubeconfig {_path} does not exist. Run `aws eks update-kubeconfig --name <cluster> --alias {context}` or set KUBECONFIG.");
        }

        try
        {
            var configuration = KubernetesClientConfiguration.BuildConfigFromConfigFile(_path, currentContext: context);
            return new k8s.Kubernetes(configuration, _handlers);
        }
        catch (KubeConfigException e)
        {
            throw new KubeconfigException($"The kubeconfig {_path} has no usable context '{context}' ({e.Message}). Run `aws eks update-kubeconfig --name <cluster> --alias {context}`, or set clusters[].kubeContext in bluegreen.yaml.", e);
        }
    }
}
