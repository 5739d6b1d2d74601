using BlueGreen.GitOps.Rendering;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>The sample application of one colour: namespace, service account, workload, disruption budget, service and Ingress.</summary>
internal static class SampleApp
{
    public const string Name = "sample-app";

    /// <summary>Namespace and service account the cluster stack's Pod Identity association binds to the app role.</summary>
    public const string Namespace = "app";

    public const string ServiceAccount = "app-sa";

    public const int ServicePort = 80;

    public const int ContainerPort = 8080;

    public static IEnumerable<ManifestFile> Render(ColourContext context)
    {
        var directory = $"{context.Directory}/{Layout.SampleAppDirectory}";
        var application = ArgoApplications.Child(Name, SyncWaves.SampleApp, ArgoApplications.Directory(context, Layout.SampleAppDirectory), Namespace);
        yield return new ManifestFile($"{context.Directory}/{Layout.AppsDirectory}/{Name}.yaml", application,
            [$"The sample app on {context.Cluster.Name}, wave {SyncWaves.SampleApp}: after both controllers, so its Ingress gets a load balancer and a name."]);

        yield return new ManifestFile($"{directory}/namespace.yaml", new V1Namespace
        {
            ApiVersion = "v1",
            Kind = "Namespace",
            Metadata = new V1ObjectMeta
            {
                Name = Namespace,
                // The load balancer controller then holds a new pod unready until its target is healthy in the target
                // group, so a rolling update never leaves the load balancer without healthy targets.
                Labels = Labels.Sorted(Labels.For(Name).Append(new("elbv2.k8s.aws/pod-readiness-gate-inject", "enabled"))),
            },
        });
        yield return new ManifestFile($"{directory}/service-account.yaml", new V1ServiceAccount
        {
            ApiVersion = "v1",
            Kind = "ServiceAccount",
            Metadata = new V1ObjectMeta { Name = ServiceAccount, NamespaceProperty = Namespace, Labels = Labels.For(Name) },
        });
        yield return new ManifestFile($"{directory}/deployment.yaml", SampleAppWorkload.Deployment(context));
        yield return new ManifestFile($"{directory}/pod-disruption-budget.yaml", new V1PodDisruptionBudget
        {
            ApiVersion = "policy/v1",
            Kind = "PodDisruptionBudget",
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Labels = Labels.For(Name) },
            Spec = new V1PodDisruptionBudgetSpec
            {
                MaxUnavailable = 1,
                Selector = new V1LabelSelector { MatchLabels = Labels.Selector(Name) },
            },
        });
        yield return new ManifestFile($"{directory}/service.yaml", new V1Service
        {
            ApiVersion = "v1",
            Kind = "Service",
            Metadata = new V1ObjectMeta { Name = Name, NamespaceProperty = Namespace, Labels = Labels.For(Name) },
            Spec = new V1ServiceSpec
            {
                Type = "ClusterIP",
                Selector = Labels.Selector(Name),
                Ports = [new V1ServicePort { Name = "http", Port = ServicePort, TargetPort = ContainerPort, Protocol = "TCP" }],
            },
        });
        yield return new ManifestFile($"{directory}/ingress.yaml", SampleAppIngress.Ingress(context), SampleAppIngress.Comments(context));
    }
}
