using BlueGreen.GitOps.Manifests;
using k8s.Models;

namespace BlueGreen.GitOps.Checks;

/// <summary>Rules every rendered workload keeps: pinned images, probes, resources, and a non-root, locked-down container.</summary>
public static class WorkloadRules
{
    /// <summary>Every broken rule of one manifest; manifests without a pod template pass.</summary>
    public static IReadOnlyList<string> Check(ParsedManifest manifest)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var errors = new List<string>();
        var at = $"{manifest.Identity.Location} ({manifest.Identity.Kind} {manifest.Identity.Name})";
        var pod = manifest.Value switch
        {
            V1Deployment deployment => deployment.Spec?.Template?.Spec,
            V1StatefulSet statefulSet => statefulSet.Spec?.Template?.Spec,
            V1DaemonSet daemonSet => daemonSet.Spec?.Template?.Spec,
            V1Job job => job.Spec?.Template?.Spec,
            V1Pod single => single.Spec,
            _ => null,
        };
        if (pod is null)
        {
            return errors;
        }

        foreach (var container in (pod.InitContainers ?? []).Concat(pod.Containers ?? []))
        {
            if (ImageProblem(container.Image) is { } problem)
            {
                errors.Add($"{at}: container '{container.Name}' image '{container.Image}' {problem}");
            }
        }

        if (manifest.Value is V1Deployment)
        {
            foreach (var container in pod.Containers ?? [])
            {
                errors.AddRange(DeploymentContainerProblems(pod, container).Select(problem => $"{at}: container '{container.Name}' {problem}"));
            }
        }

        return errors;
    }

    /// <summary>Why an image reference is not pinned, or null when it is (a tag other than latest, or a digest).</summary>
    public static string? ImageProblem(string? image)
    {
        if (string.IsNullOrWhiteSpace(image))
        {
            return "is empty; name an image with a pinned tag.";
        }

        if (image.Contains("@sha256:", StringComparison.Ordinal))
        {
            return null;
        }

        var lastSegment = image[(image.LastIndexOf('/') + 1)..];
        var colon = lastSegment.LastIndexOf(':');
        if (colon < 0 || colon == lastSegment.Length - 1)
        {
            return "has no tag, so every pull may bring something else; pin a tag.";
        }

        return string.Equals(lastSegment[(colon + 1)..], "latest", StringComparison.OrdinalIgnoreCase)
            ? "uses :latest, which moves; pin a release tag."
            : null;
    }

    private static IEnumerable<string> DeploymentContainerProblems(V1PodSpec pod, V1Container container)
    {
        if (container.ReadinessProbe is null)
        {
            yield return "has no readiness probe; traffic would reach it before it can serve.";
        }

        if (container.LivenessProbe is null)
        {
            yield return "has no liveness probe; a hung process would never be restarted.";
        }

        var requests = container.Resources?.Requests;
        if (requests is null || !requests.ContainsKey("cpu") || !requests.ContainsKey("memory"))
        {
            yield return "does not request both cpu and memory; the scheduler cannot place it safely.";
        }

        if (container.Resources?.Limits?.ContainsKey("memory") != true)
        {
            yield return "has no memory limit.";
        }

        var runAsNonRoot = container.SecurityContext?.RunAsNonRoot ?? pod.SecurityContext?.RunAsNonRoot;
        var runAsUser = container.SecurityContext?.RunAsUser ?? pod.SecurityContext?.RunAsUser;
        if (runAsNonRoot != true || runAsUser == 0)
        {
            yield return "may run as root; set runAsNonRoot: true and a non-zero runAsUser.";
        }

        if (container.SecurityContext?.AllowPrivilegeEscalation != false)
        {
            yield return "allows privilege escalation; set allowPrivilegeEscalation: false.";
        }

        if (container.SecurityContext?.ReadOnlyRootFilesystem != true)
        {
            yield return "has a writable root filesystem; set readOnlyRootFilesystem: true and mount what it writes.";
        }

        if (container.SecurityContext?.Capabilities?.Drop?.Contains("ALL") != true)
        {
            yield return "keeps Linux capabilities; drop ALL.";
        }
    }
}
