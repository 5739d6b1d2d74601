namespace BlueGreen.Kubernetes.Access;

/// <summary>The kubeconfig or one of its contexts cannot be used; the message says what to do.</summary>
public sealed class KubeconfigException : Exception
{
    public KubeconfigException()
    {
    }

    public KubeconfigException(string message)
        : base(message)
    {
    }

    public KubeconfigException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
