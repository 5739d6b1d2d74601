using k8s.Models;
using YamlDotNet.Serialization;

namespace BlueGreen.GitOps.Argo;

/// <summary>An Argo CD Application (argoproj.io/v1alpha1): the fields this project renders, named as Argo CD defines them.</summary>
/// <remarks>The Kubernetes client has no model for Argo CD's custom resource; parsing back against this one makes a misspelt field an error.</remarks>
public sealed class Application
{
    /// <summary>The API version every Application carries.</summary>
    public const string ApiVersionValue = "argoproj.io/v1alpha1";

    /// <summary>The kind every Application carries.</summary>
    public const string KindValue = "Application";

    /// <summary>The finalizer that makes deleting an Application delete its resources first.</summary>
    public const string ResourcesFinalizer = "resources-finalizer.argocd.argoproj.io";

    /// <summary>The annotation that orders resources in a sync.</summary>
    public const string SyncWaveAnnotation = "argocd.argoproj.io/sync-wave";

    [YamlMember(Alias = "apiVersion", ApplyNamingConventions = false, Order = 0)]
    public string? ApiVersion { get; set; }

    [YamlMember(Alias = "kind", ApplyNamingConventions = false, Order = 1)]
    public string? Kind { get; set; }

    [YamlMember(Alias = "metadata", ApplyNamingConventions = false, Order = 2)]
    public V1ObjectMeta? Metadata { get; set; }

    [YamlMember(Alias = "spec", ApplyNamingConventions = false, Order = 3)]
    public ApplicationSpec? Spec { get; set; }
}
