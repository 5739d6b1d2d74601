namespace BlueGreen.GitOps.Manifests;

/// <summary>A manifest file is not what a Kubernetes API server or Argo CD would accept; the message names the file and place.</summary>
public sealed class ManifestParseException : Exception
{
    public ManifestParseException()
    {
    }

    public ManifestParseException(string message)
        : base(message)
    {
    }

    public ManifestParseException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
