using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Rendering;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>Builds the root and child Argo CD Applications of one colour.</summary>
internal static class ArgoApplications
{
    /// <summary>Namespace Argo CD runs in and reads Applications from.</summary>
    public const string ArgoNamespace = "argocd";

    /// <summary>The in-cluster API server, as Argo CD names the cluster it runs in.</summary>
    public const string InCluster = "https://kubernetes.default.svc";

    public const string RootName = "app-of-apps";

    /// <summary>The root Application: follows this colour's apps directory and creates whatever it finds there.</summary>
    public static Application Root(ColourContext context) => new()
    {
        ApiVersion = Application.ApiVersionValue,
        Kind = Application.KindValue,
        Metadata = new V1ObjectMeta
        {
            Name = RootName,
            NamespaceProperty = ArgoNamespace,
            Labels = Labels.For(RootName),
            // Deleting the root cascades to the children, whose own finalizers delete what they deployed.
            Finalizers = [Application.ResourcesFinalizer],
        },
        Spec = new ApplicationSpec
        {
            Project = "default",
            Source = new ApplicationSource
            {
                RepoUrl = context.Config.GitOps.RepoUrl,
                TargetRevision = context.Config.GitOps.Revision,
                Path = context.RepoPath(Layout.AppsDirectory),
            },
            Destination = new ApplicationDestination { Server = InCluster, Namespace = ArgoNamespace },
            SyncPolicy = new SyncPolicy
            {
                Automated = new SyncPolicyAutomated { Prune = true, SelfHeal = true },
                SyncOptions = ["CreateNamespace=true"],
            },
        },
    };

    /// <summary>A child Application with the resources finalizer, its sync wave and an automated, retried sync.</summary>
    public static Application Child(string name, int wave, ApplicationSource source, string destinationNamespace, IEnumerable<string>? syncOptions = null) => new()
    {
        ApiVersion = Application.ApiVersionValue,
        Kind = Application.KindValue,
        Metadata = new V1ObjectMeta
        {
            Name = name,
            NamespaceProperty = ArgoNamespace,
            Labels = Labels.For(name),
            Annotations = Labels.Sorted([new(Application.SyncWaveAnnotation, SyncWaves.Format(wave))]),
            Finalizers = [Application.ResourcesFinalizer],
        },
        Spec = new ApplicationSpec
        {
            Project = "default",
            Source = source,
            Destination = new ApplicationDestination { Server = InCluster, Namespace = destinationNamespace },
            SyncPolicy = new SyncPolicy
            {
                Automated = new SyncPolicyAutomated { Prune = true, SelfHeal = true },
                SyncOptions = syncOptions?.ToList(),
                // A later wave can race an admission webhook that is still starting; retrying beats failing the sync.
                Retry = new RetryStrategy
                {
                    Limit = 10,
                    Backoff = new RetryBackoff { Duration = "10s", Factor = 2, MaxDuration = "3m" },
                },
            },
        },
    };

    /// <summary>A source that reads plain manifests from a directory of this colour's tree.</summary>
    public static ApplicationSource Directory(ColourContext context, string subdirectory) => new()
    {
        RepoUrl = context.Config.GitOps.RepoUrl,
        TargetRevision = context.Config.GitOps.Revision,
        Path = context.RepoPath(subdirectory),
    };
}
