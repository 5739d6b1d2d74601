using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Checks;

/// <summary>API versions Kubernetes no longer serves, by the release that removed them.</summary>
/// <remarks>
/// Source: "Deprecated API Migration Guide", https://kubernetes.io/docs/reference/using-api/deprecation-guide/
/// (section "Removed APIs by release"), checked on 2026-11-27. The guide lists removals in v1.16, v1.22, v1.25,
/// v1.26, v1.27, v1.29 and v1.32, and none for later releases. When a release announces new removals, add its
/// rows here with the release that stops serving them.
/// </remarks>
public static class KubernetesRemovedApis
{
    public static IReadOnlyList<RemovedApi> All { get; } =
    [
        // v1.16
        Row("extensions/v1beta1", "NetworkPolicy", 16, "networking.k8s.io/v1"),
        Row("extensions/v1beta1", "DaemonSet", 16, "apps/v1"),
        Row("apps/v1beta2", "DaemonSet", 16, "apps/v1"),
        Row("extensions/v1beta1", "Deployment", 16, "apps/v1"),
        Row("apps/v1beta1", "Deployment", 16, "apps/v1"),
        Row("apps/v1beta2", "Deployment", 16, "apps/v1"),
        Row("apps/v1beta1", "StatefulSet", 16, "apps/v1"),
        Row("apps/v1beta2", "StatefulSet", 16, "apps/v1"),
        Row("extensions/v1beta1", "ReplicaSet", 16, "apps/v1"),
        Row("apps/v1beta1", "ReplicaSet", 16, "apps/v1"),
        Row("apps/v1beta2", "ReplicaSet", 16, "apps/v1"),

        // v1.22
        Row("admissionregistration.k8s.io/v1beta1", "MutatingWebhookConfiguration", 22, "admissionregistration.k8s.io/v1"),
        Row("admissionregistration.k8s.io/v1beta1", "ValidatingWebhookConfiguration", 22, "admissionregistration.k8s.io/v1"),
        Row("apiextensions.k8s.io/v1beta1", "CustomResourceDefinition", 22, "apiextensions.k8s.io/v1"),
        Row("apiregistration.k8s.io/v1beta1", "APIService", 22, "apiregistration.k8s.io/v1"),
        Row("authentication.k8s.io/v1beta1", "TokenReview", 22, "authentication.k8s.io/v1"),
        Row("authorization.k8s.io/v1beta1", "LocalSubjectAccessReview", 22, "authorization.k8s.io/v1"),
        Row("authorization.k8s.io/v1beta1", "SelfSubjectAccessReview", 22, "authorization.k8s.io/v1"),
        Row("authorization.k8s.io/v1beta1", "SubjectAccessReview", 22, "authorization.k8s.io/v1"),
        Row("certificates.k8s.io/v1beta1", "CertificateSigningRequest", 22, "certificates.k8s.io/v1"),
        Row("coordination.k8s.io/v1beta1", "Lease", 22, "coordination.k8s.io/v1"),
        Row("extensions/v1beta1", "Ingress", 22, "networking.k8s.io/v1"),
        Row("networking.k8s.io/v1beta1", "Ingress", 22, "networking.k8s.io/v1"),
        Row("networking.k8s.io/v1beta1", "IngressClass", 22, "networking.k8s.io/v1"),
        Row("rbac.authorization.k8s.io/v1beta1", "ClusterRole", 22, "rbac.authorization.k8s.io/v1"),
        Row("rbac.authorization.k8s.io/v1beta1", "ClusterRoleBinding", 22, "rbac.authorization.k8s.io/v1"),
        Row("rbac.authorization.k8s.io/v1beta1", "Role", 22, "rbac.authorization.k8s.io/v1"),
        Row("rbac.authorization.k8s.io/v1beta1", "RoleBinding", 22, "rbac.authorization.k8s.io/v1"),
        Row("scheduling.k8s.io/v1beta1", "PriorityClass", 22, "scheduling.k8s.io/v1"),
        Row("storage.k8s.io/v1beta1", "CSIDriver", 22, "storage.k8s.io/v1"),
        Row("storage.k8s.io/v1beta1", "CSINode", 22, "storage.k8s.io/v1"),
        Row("storage.k8s.io/v1beta1", "StorageClass", 22, "storage.k8s.io/v1"),
        Row("storage.k8s.io/v1beta1", "VolumeAttachment", 22, "storage.k8s.io/v1"),

        // v1.25
        Row("batch/v1beta1", "CronJob", 25, "batch/v1"),
        Row("discovery.k8s.io/v1beta1", "EndpointSlice", 25, "discovery.k8s.io/v1"),
        Row("events.k8s.io/v1beta1", "Event", 25, "events.k8s.io/v1"),
        Row("autoscaling/v2beta1", "HorizontalPodAutoscaler", 25, "autoscaling/v2"),
        Row("policy/v1beta1", "PodDisruptionBudget", 25, "policy/v1"),
        Row("policy/v1beta1", "PodSecurityPolicy", 25, null),
        Row("node.k8s.io/v1beta1", "RuntimeClass", 25, "node.k8s.io/v1"),

        // v1.26
        Row("flowcontrol.apiserver.k8s.io/v1beta1", "FlowSchema", 26, "flowcontrol.apiserver.k8s.io/v1"),
        Row("flowcontrol.apiserver.k8s.io/v1beta1", "PriorityLevelConfiguration", 26, "flowcontrol.apiserver.k8s.io/v1"),
        Row("autoscaling/v2beta2", "HorizontalPodAutoscaler", 26, "autoscaling/v2"),

        // v1.27
        Row("storage.k8s.io/v1beta1", "CSIStorageCapacity", 27, "storage.k8s.io/v1"),

        // v1.29
        Row("flowcontrol.apiserver.k8s.io/v1beta2", "FlowSchema", 29, "flowcontrol.apiserver.k8s.io/v1"),
        Row("flowcontrol.apiserver.k8s.io/v1beta2", "PriorityLevelConfiguration", 29, "flowcontrol.apiserver.k8s.io/v1"),

        // v1.32
        Row("flowcontrol.apiserver.k8s.io/v1beta3", "FlowSchema", 32, "flowcontrol.apiserver.k8s.io/v1"),
        Row("flowcontrol.apiserver.k8s.io/v1beta3", "PriorityLevelConfiguration", 32, "flowcontrol.apiserver.k8s.io/v1"),
    ];

    private static RemovedApi Row(string apiVersion, string kind, int removedInMinor, string? replacement) =>
        new(apiVersion, kind, new KubernetesVersion(1, removedInMinor), replacement);
}
