namespace BlueGreen.GitOps.Manifests;

/// <summary>One document read back into its typed model (a k8s.Models type, or an Argo CD Application).</summary>
public sealed record ParsedManifest(ManifestIdentity Identity, object Value);
