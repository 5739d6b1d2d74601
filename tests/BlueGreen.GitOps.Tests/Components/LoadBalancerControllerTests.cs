using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Components;

public class LoadBalancerControllerTests
{
    [Fact]
    public void Installs_ThePinnedChart_WithThisColoursClusterName_Region_VpcAndServiceAccount()
    {
        var tree = Trees.Render(c => c with { GitOps = c.GitOps with { LoadBalancerControllerChart = "1.14.0" } });

        foreach (var colour in new[] { "blue", "green" })
        {
            var application = (Application)Assert.Single(ManifestReader.Read(tree.Find($"{colour}/apps/aws-load-balancer-controller.yaml")!)).Value;
            var source = application.Spec!.Source!;
            Assert.Equal("https://aws.github.io/eks-charts", source.RepoUrl);
            Assert.Equal("aws-load-balancer-controller", source.Chart);
            Assert.Equal("1.14.0", source.TargetRevision);
            Assert.Equal("kube-system", application.Spec.Destination!.Namespace);

            var values = source.Helm!.ValuesObject!;
            Assert.Equal($"test-{colour}", values["clusterName"]);
            Assert.Equal("ap-northeast-1", values["region"]);
            Assert.Equal("test-vpc", ((Dictionary<object, object>)values["vpcTags"])["Name"]);
            Assert.Equal("aws-load-balancer-controller", ((Dictionary<object, object>)values["serviceAccount"])["name"]);
            Assert.Equal("-1", application.Metadata!.Annotations[Application.SyncWaveAnnotation]);
        }
    }

    [Fact]
    public void Ignores_TheWebhookCertificateTheChartRegeneratesOnEveryRender()
    {
        var application = (Application)Assert.Single(ManifestReader.Read(Trees.Default().Find("blue/apps/aws-load-balancer-controller.yaml")!)).Value;

        Assert.Contains("RespectIgnoreDifferences=true", application.Spec!.SyncPolicy!.SyncOptions!);
        Assert.Equal(
            ["MutatingWebhookConfiguration", "ValidatingWebhookConfiguration", "Secret"],
            application.Spec.IgnoreDifferences!.Select(d => d.Kind));
    }
}
