namespace BlueGreen.GitOps.Rendering;

/// <summary>One file of the rendered tree: its path under the GitOps directory (forward slashes) and its exact text.</summary>
public sealed record RenderedFile(string Path, string Content);
