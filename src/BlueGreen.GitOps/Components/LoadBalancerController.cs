using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Components;

/// <summary>The AWS Load Balancer Controller, installed from its eks-charts Helm chart at the pinned version.</summary>
internal static class LoadBalancerController
{
    public const string Name = "aws-load-balancer-controller";

    public const string ChartRepository = "https://aws.github.io/eks-charts";

    /// <summary>Service account bound to the shared controller role by the cluster stack's Pod Identity association.</summary>
    public const string ServiceAccount = "aws-load-balancer-controller";

    public const string Namespace = "kube-system";

    public static IEnumerable<ManifestFile> Render(ColourContext context)
    {
        var source = new ApplicationSource
        {
            RepoUrl = ChartRepository,
            Chart = Name,
            TargetRevision = context.Config.GitOps.LoadBalancerControllerChart,
            Helm = new ApplicationSourceHelm { ReleaseName = Name, ValuesObject = Values(context) },
        };

        var application = ArgoApplications.Child(Name, SyncWaves.LoadBalancerController, source, Namespace, ["RespectIgnoreDifferences=true"]);

        // The chart generates a fresh webhook certificate on every render; without this, selfHeal would replace the
        // certificate forever and the webhook's CA bundle would flap with it.
        application.Spec!.IgnoreDifferences =
        [
            new ResourceIgnoreDifferences { Group = "admissionregistration.k8s.io", Kind = "MutatingWebhookConfiguration", JqPathExpressions = [".webhooks[].clientConfig.caBundle"] },
            new ResourceIgnoreDifferences { Group = "admissionregistration.k8s.io", Kind = "ValidatingWebhookConfiguration", JqPathExpressions = [".webhooks[].clientConfig.caBundle"] },
            new ResourceIgnoreDifferences { Group = string.Empty, Kind = "Secret", Name = "aws-load-balancer-tls", Namespace = Namespace, JsonPointers = ["/data"] },
        ];

        yield return new ManifestFile($"{context.Directory}/{Layout.AppsDirectory}/{Name}.yaml", application,
        [
            $"The AWS Load Balancer Controller for {context.Cluster.Name}: chart {context.Config.GitOps.LoadBalancerControllerChart}, wave {SyncWaves.LoadBalancerController}.",
            $"It finds the VPC by its Name tag ({context.VpcName}) and certificates through ACM by the Ingress hosts,",
            "so no id that only exists after the common stack deploys is written here.",
        ]);
    }

    private static Dictionary<string, object> Values(ColourContext context) => new(StringComparer.Ordinal)
    {
        ["clusterName"] = context.Cluster.Name,
        ["region"] = context.Config.Region,
        // The VPC lookup by tag needs no instance metadata, so node IMDS can stay at hop limit 1 (pods cannot reach it).
        ["vpcTags"] = new Dictionary<string, object>(StringComparer.Ordinal) { ["Name"] = context.VpcName },
        ["serviceAccount"] = new Dictionary<string, object>(StringComparer.Ordinal)
        {
            ["create"] = true,
            ["name"] = ServiceAccount,
        },
        ["replicaCount"] = 2,
    };
}
