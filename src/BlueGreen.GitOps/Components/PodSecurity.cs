using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>The security settings every rendered workload runs with: non-root, no privilege, read-only root filesystem.</summary>
internal static class PodSecurity
{
    public static V1PodSecurityContext NonRootPod(long userId) => new()
    {
        RunAsNonRoot = true,
        RunAsUser = userId,
        RunAsGroup = userId,
        FsGroup = userId,
        SeccompProfile = new V1SeccompProfile { Type = "RuntimeDefault" },
    };

    public static V1SecurityContext HardenedContainer() => new()
    {
        RunAsNonRoot = true,
        AllowPrivilegeEscalation = false,
        ReadOnlyRootFilesystem = true,
        Capabilities = new V1Capabilities { Drop = ["ALL"] },
    };
}
