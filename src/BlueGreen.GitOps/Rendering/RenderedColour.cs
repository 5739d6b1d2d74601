namespace BlueGreen.GitOps.Rendering;

/// <summary>A colour of the rendered tree: its directory name and its cluster's Kubernetes version as configured.</summary>
public sealed record RenderedColour(string Colour, string KubernetesVersion);
