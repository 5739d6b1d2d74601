namespace BlueGreen.GitOps.Components;

/// <summary>The directory and file names of one colour's tree.</summary>
public static class Layout
{
    /// <summary>The root Application, applied once per cluster by hand (or by the cluster stack).</summary>
    public const string RootFile = "app-of-apps.yaml";

    /// <summary>The child Applications, which the root Application follows.</summary>
    public const string AppsDirectory = "apps";

    public const string ExternalDnsDirectory = "external-dns";

    public const string SampleAppDirectory = "sample-app";

    /// <summary>The explanation at the top of the GitOps directory.</summary>
    public const string ReadmeFile = "README.md";
}
