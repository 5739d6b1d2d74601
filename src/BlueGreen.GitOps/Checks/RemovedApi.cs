using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Checks;

/// <summary>An API version of a kind that Kubernetes stopped serving in <see cref="RemovedIn"/>, and what replaces it.</summary>
/// <param name="ApiVersion">The removed apiVersion, e.g. policy/v1beta1.</param>
/// <param name="Kind">The kind it was removed for.</param>
/// <param name="RemovedIn">The first release that no longer serves it.</param>
/// <param name="Replacement">The apiVersion to move to, or null when the kind went away altogether.</param>
public sealed record RemovedApi(string ApiVersion, string Kind, KubernetesVersion RemovedIn, string? Replacement);
