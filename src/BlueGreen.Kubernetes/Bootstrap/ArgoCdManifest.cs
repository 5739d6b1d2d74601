namespace BlueGreen.Kubernetes.Bootstrap;

/// <summary>Argo CD's official install manifest for a pinned version (gitops.argoCdVersion).</summary>
public static class ArgoCdManifest
{
    /// <summary>The project's install.yaml at the version's tag, e.g. v3.1.8.</summary>
    public static Uri Url(string version)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(version);
        if (!version.StartsWith('v') || version.Any(c => !(char.IsAsciiLetterOrDigit(c) || c is '.' or '-')))
        {
            throw new ArgumentException($"gitops.argoCdVersion '{version}' is not a release tag like v3.1.8.", nameof(version));
        }

        return new Uri($"https://raw.githubusercontent.com/argoproj/argo-cd/{version}/manifests/install.yaml");
    }
}
