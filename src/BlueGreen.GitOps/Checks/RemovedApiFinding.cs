using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Checks;

/// <summary>A manifest that uses an API version its target cluster no longer serves.</summary>
public sealed record RemovedApiFinding(ManifestIdentity Manifest, RemovedApi Api, KubernetesVersion ClusterVersion)
{
    /// <summary>What is wrong, where, and what to use instead.</summary>
    public string Message =>
        $"{Manifest.Location}: {Api.ApiVersion} {Api.Kind}{(Manifest.Name is null ? string.Empty : $" '{Manifest.Name}'")} is not served by Kubernetes {ClusterVersion} "
        + $"(removed in {Api.RemovedIn}); "
        + (Api.Replacement is null ? "the kind no longer exists, so remove it." : $"use {Api.Replacement}.");
}
