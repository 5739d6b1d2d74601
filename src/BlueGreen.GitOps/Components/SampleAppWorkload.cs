using System.Globalization;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Components;

/// <summary>The sample app's Deployment: probes, resources, zone spread, non-root, and a drain delay before shutdown.</summary>
internal static class SampleAppWorkload
{
    /// <summary>UID of the non-root <c>app</c> user in the .NET runtime images.</summary>
    public const long AppUserId = 1654;

    /// <summary>
    /// Seconds a stopping pod keeps serving: the load balancer controller must see the endpoint go and deregister the
    /// target, and the load balancer must stop sending new requests, before the process stops accepting them.
    /// </summary>
    public const int DrainSeconds = 20;

    /// <summary>Seconds the app itself answers readiness 503 yet serves after SIGTERM (BLUEGREEN_SHUTDOWN_DELAY).</summary>
    public const int AppShutdownDelaySeconds = 5;

    /// <summary>Bound on the app's whole shutdown after SIGTERM (BLUEGREEN_SHUTDOWN_TIMEOUT).</summary>
    public const int AppShutdownTimeoutSeconds = 20;

    /// <summary>Room for the drain plus the app's own bounded shutdown, so the kubelet never kills a draining pod.</summary>
    public const int TerminationGracePeriodSeconds = 45;

    /// <summary>The native sleep action needs no shell in the image; it is on by default from Kubernetes 1.30.</summary>
    public static readonly KubernetesVersion SleepActionSince = new(1, 30);

    public static V1Deployment Deployment(ColourContext context) => new()
    {
        ApiVersion = "apps/v1",
        Kind = "Deployment",
        Metadata = new V1ObjectMeta { Name = SampleApp.Name, NamespaceProperty = SampleApp.Namespace, Labels = Labels.For(SampleApp.Name) },
        Spec = new V1DeploymentSpec
        {
            Replicas = context.Config.App.Replicas,
            RevisionHistoryLimit = 5,
            Selector = new V1LabelSelector { MatchLabels = Labels.Selector(SampleApp.Name) },
            // Surge first: capacity never drops below the configured replicas during a rollout.
            Strategy = new V1DeploymentStrategy
            {
                Type = "RollingUpdate",
                RollingUpdate = new V1RollingUpdateDeployment { MaxSurge = 1, MaxUnavailable = 0 },
            },
            Template = new V1PodTemplateSpec
            {
                Metadata = new V1ObjectMeta { Labels = Labels.For(SampleApp.Name) },
                Spec = new V1PodSpec
                {
                    ServiceAccountName = SampleApp.ServiceAccount,
                    TerminationGracePeriodSeconds = TerminationGracePeriodSeconds,
                    SecurityContext = PodSecurity.NonRootPod(AppUserId),
                    TopologySpreadConstraints =
                    [
                        new V1TopologySpreadConstraint
                        {
                            MaxSkew = 1,
                            TopologyKey = "topology.kubernetes.io/zone",
                            // A zone without a node must not stop scheduling; the spread is a preference.
                            WhenUnsatisfiable = "ScheduleAnyway",
                            LabelSelector = new V1LabelSelector { MatchLabels = Labels.Selector(SampleApp.Name) },
                        },
                    ],
                    Containers = [Container(context)],
                    Volumes = [new V1Volume { Name = "tmp", EmptyDir = new V1EmptyDirVolumeSource() }],
                },
            },
        },
    };

    private static V1Container Container(ColourContext context) => new()
    {
        Name = SampleApp.Name,
        Image = context.SampleAppImage,
        Ports = [new V1ContainerPort { Name = "http", ContainerPort = SampleApp.ContainerPort, Protocol = "TCP" }],
        Env = AppEnvironment(context),
        StartupProbe = Probe("/healthz", periodSeconds: 2, failureThreshold: 30),
        LivenessProbe = Probe("/healthz", periodSeconds: 10, failureThreshold: 3),
        ReadinessProbe = Probe("/readyz", periodSeconds: 5, failureThreshold: 2),
        Lifecycle = HasSleepAction(context) ? new V1Lifecycle { PreStop = new V1LifecycleHandler { Sleep = new V1SleepAction { Seconds = DrainSeconds } } } : null,
        Resources = new V1ResourceRequirements
        {
            Requests = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal)
            {
                ["cpu"] = new(context.Config.App.Cpu),
                ["memory"] = new(context.Config.App.Memory),
            },
            // Memory is limited at the request (no overcommit to be killed for); CPU is not, to avoid throttling.
            Limits = new Dictionary<string, ResourceQuantity>(StringComparer.Ordinal) { ["memory"] = new(context.Config.App.Memory) },
        },
        SecurityContext = PodSecurity.HardenedContainer(),
        VolumeMounts = [new V1VolumeMount { Name = "tmp", MountPath = "/tmp" }],
    };

    /// <summary>The settings the sample app reads (samples/SampleApp/README.md), all from the configuration.</summary>
    private static List<V1EnvVar> AppEnvironment(ColourContext context)
    {
        // The image is chiseled (no shell, so no "sleep" command): before the native sleep action exists, the app's
        // own shutdown delay does the draining, serving on while readiness reports 503.
        var (delay, timeout) = HasSleepAction(context)
            ? (AppShutdownDelaySeconds, AppShutdownTimeoutSeconds)
            : (DrainSeconds + AppShutdownDelaySeconds, DrainSeconds + AppShutdownTimeoutSeconds);
        return
        [
            Variable("ASPNETCORE_HTTP_PORTS", SampleApp.ContainerPort.ToString(CultureInfo.InvariantCulture)),
            Variable("AWS_REGION", context.Config.Region),
            Variable("BLUEGREEN_COLOUR", context.Colour),
            Variable("BLUEGREEN_KUBERNETES_VERSION", context.Cluster.Version),
            Variable("BLUEGREEN_PARTITION_KEY", context.Config.Data.PartitionKey),
            Variable("BLUEGREEN_SHUTDOWN_DELAY", Seconds(delay)),
            Variable("BLUEGREEN_SHUTDOWN_TIMEOUT", Seconds(timeout)),
            Variable("BLUEGREEN_TABLE_NAME", context.Config.Data.TableName),
        ];
    }

    private static bool HasSleepAction(ColourContext context) => context.Version >= SleepActionSince;

    private static V1EnvVar Variable(string name, string value) => new() { Name = name, Value = value };

    private static string Seconds(int seconds) => string.Create(CultureInfo.InvariantCulture, $"{seconds}s");

    private static V1Probe Probe(string path, int periodSeconds, int failureThreshold) => new()
    {
        HttpGet = new V1HTTPGetAction { Path = path, Port = "http" },
        PeriodSeconds = periodSeconds,
        FailureThreshold = failureThreshold,
        TimeoutSeconds = 2,
    };
}
