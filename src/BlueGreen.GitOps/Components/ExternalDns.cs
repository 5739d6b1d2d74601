using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>ExternalDNS for one colour: publishes only that colour's hostname, under an owner id no other cluster uses.</summary>
internal static class ExternalDns
{
    public const string Name = "external-dns";

    /// <summary>Namespace and service account the cluster stack's Pod Identity association binds to the ExternalDNS role.</summary>
    public const string Namespace = "external-dns";

    public const int MetricsPort = 7979;

    /// <summary>Prefix of the ownership TXT records, so they never sit beside an alias record of the same name.</summary>
    public const string TxtPrefix = "extdns-";

    public static IEnumerable<ManifestFile> Render(ColourContext context)
    {
        var directory = $"{context.Directory}/{Layout.ExternalDnsDirectory}";
        var application = ArgoApplications.Child(Name, SyncWaves.ExternalDns, ArgoApplications.Directory(context, Layout.ExternalDnsDirectory), Namespace);
        yield return new ManifestFile($"{context.Directory}/{Layout.AppsDirectory}/{Name}.yaml", application,
            [$"ExternalDNS {context.ExternalDns.Tag} for {context.Cluster.Name}, wave {SyncWaves.ExternalDns}: owner id {context.OwnerId}."]);

        yield return new ManifestFile($"{directory}/namespace.yaml", new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta { Name = Namespace, Labels = Labels.For(Name) },
        });
        yield return new ManifestFile($"{directory}/service-account.yaml", new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Labels = Labels.For(Name) },
        });
        yield return new ManifestFile($"{directory}/cluster-role.yaml", ClusterRole());
        yield return new ManifestFile($"{directory}/cluster-role-binding.yaml", ClusterRoleBinding());
        yield return new ManifestFile($"{directory}/deployment.yaml", Deployment(context), DeploymentComments(context));
    }

    /// <summary>The controller's arguments; the ownership and scope flags are what make two clusters safe together.</summary>
    public static IReadOnlyList<string> Arguments(ColourContext context)
    {
        var arguments = new List<string>
        {
            "--source=ingress",
            // Hostnames come only from the hostname annotation: an Ingress also routes the shared service name, and
            // that name's weighted records belong to the cutover engine.
            "--ignore-ingress-rules-spec",
            "--ignore-ingress-tls-spec",
            "--provider=aws",
            "--aws-zone-type=public",
            $"--domain-filter={context.ServiceHost}",
            "--policy=sync",
            "--registry=txt",
            $"--txt-owner-id={context.OwnerId}",
            $"--txt-prefix={TxtPrefix}",
            "--interval=1m",
            "--log-format=json",
        };

        if (context.ExternalDns.UsesGaAnnotationPrefix)
        {
            // Stated although it is the default from v0.22.0 on: the annotations rendered on the Ingress and the
            // prefix the controller reads come from the same value and cannot drift apart.
            arguments.Add($"--annotation-prefix={ExternalDnsRelease.AnnotationPrefix}");
        }

        return arguments;
    }

    private static IReadOnlyList<string> DeploymentComments(ColourContext context) =>
    [
        $"ExternalDNS {context.ExternalDns.Tag} for {context.Cluster.Name}.",
        "--policy=sync lets ExternalDNS delete records, and that is safe here because of what it may delete:",
        "  only records whose TXT ownership record names its own owner id. The reference gave both clusters one",
        "  owner id, so each cluster treated the other's records as its own and the two fought over them; here",
        $"  the id is {context.OwnerId}, distinct per cluster, so blue never touches green's records and neither",
        "  touches the service name's weighted records, which carry no ExternalDNS ownership at all.",
        $"It publishes {context.ColourHost} only (from the Ingress hostname annotation, prefix {context.ExternalDns.AnnotationPrefixInUse}),",
        "  and sync removes that record when the Ingress goes, so a decommissioned colour leaves nothing behind.",
    ];

    private static V1ClusterRole ClusterRole() => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRole",
        Metadata = new V1ObjectMeta { Name = Name, Labels = Labels.For(Name) },
        // What --source=ingress reads and nothing else: the ExternalDNS chart grants exactly this rule for the ingress
        // source (kubernetes-sigs/external-dns, charts/external-dns/templates/clusterrole.yaml); services, endpoints,
        // pods and nodes belong to the service, pod and node sources, which this deployment does not run. The
        // extensions group no longer serves Ingress (removed in Kubernetes 1.22), so only networking.k8s.io is named.
        Rules =
        [
            new V1PolicyRule { ApiGroups = ["networking.k8s.io"], Resources = ["ingresses"], Verbs = ["get", "watch", "list"] },
        ],
    };

    private static V1ClusterRoleBinding ClusterRoleBinding() => new()
    {
        ApiVersion = "rbac.authorization.k8s.io/v1",
        Kind = "ClusterRoleBinding",
        Metadata = new V1ObjectMeta { Name = $"{Name}-viewer", Labels = Labels.For(Name) },
        RoleRef = new V1RoleRef { ApiGroup = "rbac.authorization.k8s.io", Kind = "ClusterRole", Name = Name },
        Subjects = [new Rbacv1Subject { Kind = "ServiceAccount", Name = Name, NamespaceProperty = Namespace }],
    };

    private static V1Deployment Deployment(ColourContext context) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Labels = Labels.For(Name) },
        Spec = new V1DeploymentSpec
        {
            Replicas = 1,
            // Never two instances at once: both would plan changes for the same records.
            Strategy = new V1DeploymentStrategy { Type = "Recreate" },
            Selector = new V1LabelSelector { MatchLabels = Labels.Selector(Name) },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels.For(Name) },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = Name,
                    SecurityContext = PodSecurity.NonRootPod(65534),
                    Containers =
                    [
                        new V1Container
                        {
                            Name = Name,
                            Image = context.ExternalDnsImage,
                            Args = Arguments(context).ToList(),
                            // Route53 is global, but the SDK still wants a region and Pod Identity does not inject one.
                            Env = [new V1EnvVar { Name = "AWS_DEFAULT_REGION", Value = context.Config.Region }],
                            Ports = [new V1ContainerPort { Name = "http", ContainerPort = MetricsPort, Protocol = "TCP" }],
                            LivenessProbe = Probe("/healthz", periodSeconds: 10, failureThreshold: 3),
                            ReadinessProbe = Probe("/healthz", periodSeconds: 10, failureThreshold: 1),
                            Resources = new V1ResourceRequirements
                            {
                                Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["cpu"] = new("50m"), ["memory"] = new("64Mi") },
                                Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["memory"] = new("128Mi") },
                            },
                            SecurityContext = PodSecurity.HardenedContainer(),
                        },
                    ],
                },
            },
        },
    };

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 5,
    };
}
