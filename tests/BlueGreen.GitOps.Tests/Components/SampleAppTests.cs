using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;
using k8s.Models;

namespace BlueGreen.GitOps.Tests.Components;

public class SampleAppTests
{
    private static T Read<T>(RenderedTree tree, string path) => (T)Assert.Single(ManifestReader.Read(tree.Find(path)!)).Value;

    [Theory]
    [InlineData("1.29", false, "25s", "40s")]
    [InlineData("1.30", true, "5s", "20s")]
    [InlineData("1.33", true, "5s", "20s")]
    public void Drains_BeforeShutdown_WithTheNativeSleepWhereTheClusterHasIt_OtherwiseInTheApp(string version, bool nativeSleep, string appDelay, string appTimeout)
    {
        var tree = Trees.Render(c => c with { Clusters = [DefaultConfig.Cluster("blue", version)] });

        var spec = Read<V1Deployment>(tree, "blue/sample-app/deployment.yaml").Spec.Template.Spec;
        var container = Assert.Single(spec.Containers);
        var env = container.Env.ToDictionary(e => e.Name, e => e.Value);
        Assert.Equal(appDelay, env["BLUEGREEN_SHUTDOWN_DELAY"]);
        Assert.Equal(appTimeout, env["BLUEGREEN_SHUTDOWN_TIMEOUT"]);
        var preStop = nativeSleep ? container.Lifecycle.PreStop.Sleep.Seconds : 0;
        Assert.Equal(nativeSleep ? 20 : 0, preStop);
        Assert.Null(nativeSleep ? container.Lifecycle.PreStop.Exec : container.Lifecycle);

        // The kubelet kills what is still running when the grace period ends: the drain and the app's bounded
        // shutdown must both fit, or requests in flight are cut.
        var timeoutSeconds = int.Parse(appTimeout.TrimEnd('s'), System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(preStop + timeoutSeconds < spec.TerminationGracePeriodSeconds);
    }

    [Fact]
    public void Tells_TheApp_ItsColourTableRegionAndKubernetesVersion()
    {
        var container = Assert.Single(Read<V1Deployment>(Trees.Default(), "green/sample-app/deployment.yaml").Spec.Template.Spec.Containers);
        var env = container.Env.ToDictionary(e => e.Name, e => e.Value);

        Assert.Equal("green", env["BLUEGREEN_COLOUR"]);
        Assert.Equal("1.33", env["BLUEGREEN_KUBERNETES_VERSION"]);
        Assert.Equal("test-dynamodb", env["BLUEGREEN_TABLE_NAME"]);
        Assert.Equal("UserId", env["BLUEGREEN_PARTITION_KEY"]);
        Assert.Equal("ap-northeast-1", env["AWS_REGION"]);
        Assert.Equal("8080", env["ASPNETCORE_HTTP_PORTS"]);
        Assert.DoesNotContain("BLUEGREEN_FAULTS", env.Keys);
    }

    [Fact]
    public void Probes_HealthzAndReadyz_AndSpreadsOverZones()
    {
        var spec = Read<V1Deployment>(Trees.Default(), "green/sample-app/deployment.yaml").Spec.Template.Spec;
        var container = Assert.Single(spec.Containers);

        Assert.Equal("/healthz", container.LivenessProbe.HttpGet.Path);
        Assert.Equal("/readyz", container.ReadinessProbe.HttpGet.Path);
        Assert.Equal("topology.kubernetes.io/zone", Assert.Single(spec.TopologySpreadConstraints).TopologyKey);
        Assert.Equal("app-sa", spec.ServiceAccountName);
        Assert.True(spec.SecurityContext.RunAsNonRoot);
    }

    [Fact]
    public void Serves_Port80_FromContainerPort8080()
    {
        var port = Assert.Single(Read<V1Service>(Trees.Default(), "blue/sample-app/service.yaml").Spec.Ports);

        Assert.Equal(80, port.Port);
        Assert.Equal("8080", port.TargetPort.Value);
    }

    [Fact]
    public void Keeps_AtMostOnePodDown_ThroughVoluntaryDisruptions()
    {
        var budget = Read<V1PodDisruptionBudget>(Trees.Default(), "blue/sample-app/pod-disruption-budget.yaml");

        Assert.Equal("policy/v1", budget.ApiVersion);
        Assert.Equal("1", budget.Spec.MaxUnavailable.Value);
        Assert.Equal("sample-app", budget.Spec.Selector.MatchLabels["app.kubernetes.io/name"]);
    }

    [Fact]
    public void Asks_ForAnInternetFacingAlb_WithHttpsRedirect_AndACertificateFoundByHost()
    {
        var ingress = Read<V1Ingress>(Trees.Default(), "blue/sample-app/ingress.yaml");
        var annotations = ingress.Metadata.Annotations;

        Assert.Equal("alb", ingress.Spec.IngressClassName);
        Assert.Equal("internet-facing", annotations["alb.ingress.kubernetes.io/scheme"]);
        Assert.Equal("ip", annotations["alb.ingress.kubernetes.io/target-type"]);
        Assert.Equal("443", annotations["alb.ingress.kubernetes.io/ssl-redirect"]);
        Assert.Equal("/readyz", annotations["alb.ingress.kubernetes.io/healthcheck-path"]);
        Assert.Equal("deregistration_delay.timeout_seconds=30", annotations["alb.ingress.kubernetes.io/target-group-attributes"]);
        Assert.DoesNotContain("alb.ingress.kubernetes.io/certificate-arn", annotations.Keys);
        Assert.Equal(["blue.test.example.com", "test.example.com"], Assert.Single(ingress.Spec.Tls).Hosts);
    }

    [Fact]
    public void Labels_TheNamespace_ForLoadBalancerReadinessGates()
    {
        var ns = Read<V1Namespace>(Trees.Default(), "blue/sample-app/namespace.yaml");

        Assert.Equal("app", ns.Metadata.Name);
        Assert.Equal("enabled", ns.Metadata.Labels["elbv2.k8s.aws/pod-readiness-gate-inject"]);
    }
}
