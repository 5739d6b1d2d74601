using BlueGreen.GitOps.Rendering;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>What a new cluster's Argo CD needs before the root Application: the health check that makes app-of-apps waves wait.</summary>
internal static class ArgoCdBootstrap
{
    public const string Directory = "argocd";

    public const string HealthFile = "argocd-cm-health.yaml";

    public const string HealthKey = "resource.customizations.health.argoproj.io_Application";

    // Argo CD stopped assessing the health of Application resources in v1.8; without this check a wave of child
    // Applications counts as done as soon as the Applications exist, not when what they deploy is healthy.
    private const string HealthCheck =
        "hs = {}\n" +
        "hs.status = \"Progressing\"\n" +
        "hs.message = \"\"\n" +
        "if obj.status ~= nil then\n" +
        "  if obj.status.health ~= nil then\n" +
        "    hs.status = obj.status.health.status\n" +
        "    if obj.status.health.message ~= nil then\n" +
        "      hs.message = obj.status.health.message\n" +
        "    end\n" +
        "  end\n" +
        "end\n" +
        "return hs\n";

    public static ManifestFile Render(string argoCdVersion) => new(
        $"{Directory}/{HealthFile}",
        new V1ConfigMap
        {
            ApiVersion = "v1",
            Kind = "ConfigMap",
            Metadata = new V1ObjectMeta
            {
                Name = "argocd-cm",
                NamespaceProperty = ArgoApplications.ArgoNamespace,
                Labels = Labels.Sorted([new("app.kubernetes.io/name", "argocd-cm"), new("app.kubernetes.io/part-of", "argocd")]),
            },
            Data = new Dictionary<string, string>(StringComparer.Ordinal) { [HealthKey] = HealthCheck },
        },
        [
            $"Added to Argo CD {argoCdVersion}'s argocd-cm on each cluster once, before its root Application (see deploy/README.md):",
            "server-side apply under its own field manager adds this key, and re-installing Argo CD leaves it in place.",
        ]);
}
