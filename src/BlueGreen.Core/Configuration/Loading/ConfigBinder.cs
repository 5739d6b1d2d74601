using BlueGreen.Core.Configuration.Data;
using BlueGreen.Core.Plans;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Core.Configuration.Loading;

/// <summary>Binds the YAML tree to the typed model, section by section, reporting every shape error.</summary>
internal static class ConfigBinder
{
    public static EnvironmentConfig Bind(ErrorSink sink, YamlMappingNode root)
    {
        var r = new MappingReader(sink, root, string.Empty, ["environment", "region", "account", "target", "network", "dns", "data", "ci", "gitops", "app", "clusters", "traffic", "gates", "sandbox", "notifications"]);
        var gates = Gates(r.Mapping("gates", false, "interval", "minSuccessRate", "maxP99", "minRequests", "failureThreshold", "inconclusiveLimit", "verification", "liveDegradation", "compare", "relative", "confidence", "source", "alarms", "metricPeriod", "metricDelay"));
        return new EnvironmentConfig
        {
            Environment = r.String("environment", required: true),
            Region = r.String("region", required: true),
            Account = r.OptionalString("account"),
            Target = r.Enum("target", Target.Sandbox),
            Network = Network(r.Mapping("network", true, "vpcCidr", "availabilityZones", "publicSubnets", "privateSubnets", "natGateways", "dynamoDbEndpoint", "flowLogs")),
            Dns = Dns(r.Mapping("dns", true, "parentZoneName", "parentZoneId", "subdomain", "ttl", "delegationTtl")),
            Data = Data(r.Mapping("data", true, "tableName", "partitionKey", "pointInTimeRecovery")),
            Ci = Ci(r.Mapping("ci", true, "repository", "branch", "ecrRepository", "buildspec", "sourcePath", "webhook", "keepImages", "timeoutMinutes")),
            GitOps = GitOps(r.Mapping("gitops", true, "repoUrl", "revision", "path", "argoCdVersion", "loadBalancerControllerChart", "externalDnsVersion", "externalDnsDigest")),
            App = App(r.Mapping("app", true, "imageTag", "imageDigest", "replicas", "cpu", "memory")),
            Clusters = Clusters(sink, r),
            Traffic = Traffic(sink, r.Mapping("traffic", true, "live", "candidate", "steps", "bake", "drain", "weightScale", "allowDowngrade")),
            Gates = gates,
            Sandbox = Sandbox(r.Mapping("sandbox", false, "zone", "ttl", "replicas", "requestRate", "clients", "seedItems", "bake", "interval", "drain", "verification", "maxP99")),
            Notifications = Notifications(sink, r.Mapping("notifications", false, "webhooks")),
        };
    }

    private static NotificationsConfig Notifications(ErrorSink sink, MappingReader? r)
    {
        var sequence = r?.Sequence("webhooks", required: false);
        if (sequence is null)
        {
            return new NotificationsConfig();
        }

        var webhooks = new List<WebhookConfig>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"notifications.webhooks[{i}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                sink.At(sequence.Children[i], path, "Expected a webhook (a mapping with url and, optionally, format, secretEnv and events).", "Write each webhook as '- url: https://...' followed by its keys.");
                continue;
            }

            var w = new MappingReader(sink, item, path, ["url", "format", "secretEnv", "events"]);
            webhooks.Add(new WebhookConfig
            {
                Url = w.String("url", required: true),
                Format = w.Enum("format", WebhookFormat.Json),
                SecretEnv = w.OptionalString("secretEnv"),
                Events = w.StringList("events"),
            });
        }

        return new NotificationsConfig { Webhooks = webhooks };
    }

    private static NetworkConfig Network(MappingReader? r) => new()
    {
        VpcCidr = r?.String("vpcCidr", required: true) ?? string.Empty,
        AvailabilityZones = r?.StringList("availabilityZones", required: true) ?? [],
        PublicSubnets = r?.StringList("publicSubnets", required: true) ?? [],
        PrivateSubnets = r?.StringList("privateSubnets", required: true) ?? [],
        NatGateways = r?.Int("natGateways", 1) ?? 1,
        DynamoDbEndpoint = r?.Bool("dynamoDbEndpoint", false) ?? false,
        FlowLogs = r?.Bool("flowLogs", false) ?? false,
    };

    private static DnsConfig Dns(MappingReader? r) => new()
    {
        ParentZoneName = r?.String("parentZoneName", required: true) ?? string.Empty,
        ParentZoneId = r?.String("parentZoneId", required: true) ?? string.Empty,
        Subdomain = r?.String("subdomain", required: true) ?? string.Empty,
        Ttl = r?.Int("ttl", 60) ?? 60,
        DelegationTtl = r?.Int("delegationTtl", 30) ?? 30,
    };

    private static DataConfig Data(MappingReader? r) => new()
    {
        TableName = r?.String("tableName", required: true) ?? string.Empty,
        PartitionKey = r?.String("partitionKey", "UserId") ?? "UserId",
        PointInTimeRecovery = r?.Bool("pointInTimeRecovery", true) ?? true,
    };

    private static CiConfig Ci(MappingReader? r)
    {
        var defaults = new CiConfig { Repository = string.Empty, EcrRepository = string.Empty };
        return new()
        {
            Repository = r?.String("repository", required: true) ?? string.Empty,
            Branch = r?.String("branch", defaults.Branch) ?? defaults.Branch,
            EcrRepository = r?.String("ecrRepository", required: true) ?? string.Empty,
            Buildspec = r?.String("buildspec", defaults.Buildspec) ?? defaults.Buildspec,
            SourcePath = r?.String("sourcePath", defaults.SourcePath) ?? defaults.SourcePath,
            Webhook = r?.Bool("webhook", false) ?? false,
            KeepImages = r?.Int("keepImages", defaults.KeepImages) ?? defaults.KeepImages,
            TimeoutMinutes = r?.Int("timeoutMinutes", defaults.TimeoutMinutes) ?? defaults.TimeoutMinutes,
        };
    }

    private static GitOpsConfig GitOps(MappingReader? r)
    {
        var d = new GitOpsConfig { RepoUrl = string.Empty };
        return new()
        {
            RepoUrl = r?.String("repoUrl", required: true) ?? string.Empty,
            Revision = r?.String("revision", d.Revision) ?? d.Revision,
            Path = r?.String("path", d.Path) ?? d.Path,
            ArgoCdVersion = r?.String("argoCdVersion", d.ArgoCdVersion) ?? d.ArgoCdVersion,
            LoadBalancerControllerChart = r?.String("loadBalancerControllerChart", d.LoadBalancerControllerChart) ?? d.LoadBalancerControllerChart,
            ExternalDnsVersion = r?.String("externalDnsVersion", d.ExternalDnsVersion) ?? d.ExternalDnsVersion,
            ExternalDnsDigest = r?.OptionalString("externalDnsDigest"),
        };
    }

    private static AppConfig App(MappingReader? r)
    {
        var d = new AppConfig { ImageTag = string.Empty };
        return new()
        {
            ImageTag = r?.String("imageTag", required: true) ?? string.Empty,
            ImageDigest = r?.OptionalString("imageDigest"),
            Replicas = r?.Int("replicas", d.Replicas) ?? d.Replicas,
            Cpu = r?.String("cpu", d.Cpu) ?? d.Cpu,
            Memory = r?.String("memory", d.Memory) ?? d.Memory,
        };
    }

    private static List<ClusterConfig> Clusters(ErrorSink sink, MappingReader root)
    {
        var clusters = new List<ClusterConfig>();
        var sequence = root.Sequence("clusters", required: true);
        if (sequence is null)
        {
            return clusters;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"clusters[{i}]";
            if (sequence.Children[i] is not YamlMappingNode item)
            {
                sink.At(sequence.Children[i], path, "Expected a cluster (a mapping with colour, name, version and nodeGroup).", "Write each cluster as '- colour: blue' followed by its keys.");
                continue;
            }

            var r = new MappingReader(sink, item, path, ["colour", "name", "version", "kubeContext", "adminRoleArns", "supportType", "endpointAccess", "publicAccessCidrs", "addons", "nodeGroup"]);
            var nodes = r.Mapping("nodeGroup", true, "name", "minSize", "maxSize", "desiredSize", "instanceTypes", "diskSizeGiB");
            clusters.Add(new ClusterConfig
            {
                Colour = r.String("colour", required: true),
                Name = r.String("name", required: true),
                Version = r.String("version", required: true),
                KubeContext = r.OptionalString("kubeContext"),
                AdminRoleArns = r.StringList("adminRoleArns"),
                SupportType = r.Enum("supportType", EksSupportType.Extended),
                EndpointAccess = r.Enum("endpointAccess", EndpointAccess.Public),
                PublicAccessCidrs = r.StringList("publicAccessCidrs"),
                AddonVersions = AddonVersions(r.Mapping("addons", false, [.. EksAddonVersions.Names])),
                NodeGroup = new NodeGroupConfig
                {
                    Name = nodes?.String("name", required: true) ?? string.Empty,
                    MinSize = nodes?.Int("minSize", 0, required: true) ?? 0,
                    MaxSize = nodes?.Int("maxSize", 0, required: true) ?? 0,
                    DesiredSize = nodes?.Int("desiredSize", 0, required: true) ?? 0,
                    InstanceTypes = nodes?.StringList("instanceTypes", required: true) ?? [],
                    DiskSizeGiB = nodes?.Int("diskSizeGiB", 20) ?? 20,
                },
            });
        }

        return clusters;
    }

    private static Dictionary<string, string> AddonVersions(MappingReader? r)
    {
        var versions = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in r is null ? [] : EksAddonVersions.Names)
        {
            if (r!.OptionalString(name) is { } version)
            {
                versions[name] = version;
            }
        }

        return versions;
    }

    private static TrafficConfig Traffic(ErrorSink sink, MappingReader? r)
    {
        var bake = r?.Duration("bake", TimeSpan.Zero, required: true) ?? TimeSpan.Zero;
        return new TrafficConfig
        {
            Live = r?.String("live", required: true) ?? string.Empty,
            Candidate = r?.OptionalString("candidate"),
            Steps = r is null ? [] : Steps(sink, r, bake),
            Bake = bake,
            Drain = r?.Duration("drain", TimeSpan.Zero, required: true) ?? TimeSpan.Zero,
            WeightScale = r?.Int("weightScale", 100) ?? 100,
            AllowDowngrade = r?.Bool("allowDowngrade", false) ?? false,
        };
    }

    private static List<PlanStep> Steps(ErrorSink sink, MappingReader traffic, TimeSpan defaultBake)
    {
        var steps = new List<PlanStep>();
        var sequence = traffic.Sequence("steps", required: true);
        if (sequence is null)
        {
            return steps;
        }

        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var path = $"traffic.steps[{i}]";
            var node = sequence.Children[i];
            sink.Record(path, node);
            var step = node switch
            {
                YamlScalarNode scalar => PercentStep(sink, scalar, path, defaultBake),
                YamlMappingNode mapping => StepMapping(sink, mapping, path, defaultBake),
                _ => null,
            };
            if (step is null && node is YamlSequenceNode)
            {
                sink.At(node, path, "Expected a step: a percentage or a mapping.", "Write 10, {percent: 10, bake: 2m}, {pause: 5m} or {approval: reason}.");
            }

            if (step is not null)
            {
                steps.Add(step);
            }
        }

        return steps;
    }

    private static SetShareStep? PercentStep(ErrorSink sink, YamlScalarNode scalar, string path, TimeSpan bake)
    {
        if (scalar.Style == ScalarStyle.Plain && int.TryParse(scalar.Value, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var percent))
        {
            return new SetShareStep(percent, bake);
        }

        sink.At(scalar, path, $"Expected the candidate's share as a whole percentage, found '{scalar.Value}'.", "Write a whole number from 1 to 100, e.g. 25.");
        return null;
    }

    private static PlanStep? StepMapping(ErrorSink sink, YamlMappingNode mapping, string path, TimeSpan defaultBake)
    {
        var r = new MappingReader(sink, mapping, path, ["percent", "bake", "pause", "approval"]);
        var kinds = new[] { "percent", "pause", "approval" }.Where(k => r.Node(k) is not null).ToList();
        if (kinds.Count != 1)
        {
            sink.At(mapping, path, kinds.Count == 0 ? "A step needs one of percent, pause or approval." : $"A step is exactly one kind, but this one has {string.Join(" and ", kinds)}.", "Split it into separate steps.");
            return null;
        }

        if (r.Node("bake") is not null && kinds[0] != "percent")
        {
            sink.At(mapping, MappingReader.Join(path, "bake"), "Only a percent step bakes.", "Remove 'bake' or use a pause step.");
        }

        return kinds[0] switch
        {
            "percent" => new SetShareStep(r.Int("percent", 0), r.Duration("bake", defaultBake)),
            "pause" => new TimedPauseStep(r.Duration("pause", TimeSpan.Zero)),
            _ => new ApprovalStep(r.String("approval")),
        };
    }

    private static GatesConfig Gates(MappingReader? r)
    {
        var d = new GatesConfig();
        if (r is null)
        {
            return d;
        }

        return new GatesConfig
        {
            Interval = r.Duration("interval", d.Interval),
            MinSuccessRate = r.Double("minSuccessRate", d.MinSuccessRate),
            MaxP99 = r.Duration("maxP99", d.MaxP99),
            MinRequests = r.Int("minRequests", d.MinRequests),
            FailureThreshold = r.Int("failureThreshold", d.FailureThreshold),
            InconclusiveLimit = r.Int("inconclusiveLimit", d.InconclusiveLimit),
            Verification = r.Duration("verification", d.Verification),
            LiveDegradation = r.Enum("liveDegradation", d.LiveDegradation),
            Sources = r.EnumList<GateSourceKind>("source"),
            Alarms = r.StringList("alarms"),
            MetricPeriod = r.Duration("metricPeriod", d.MetricPeriod),
            MetricDelay = r.Duration("metricDelay", d.MetricDelay),
            Compare = r.Enum("compare", d.Compare),
            Relative = Relative(r.Mapping("relative", false, "failureRateMargin", "p99Ratio")),
            Confidence = r.Double("confidence", d.Confidence),
        };
    }

    private static RelativeGatesConfig Relative(MappingReader? r)
    {
        var d = new RelativeGatesConfig();
        return r is null ? d : new RelativeGatesConfig
        {
            FailureRateMargin = r.Double("failureRateMargin", d.FailureRateMargin),
            P99Ratio = r.Double("p99Ratio", d.P99Ratio),
        };
    }

    private static SandboxConfig Sandbox(MappingReader? r)
    {
        var d = new SandboxConfig();
        if (r is null)
        {
            return d;
        }

        return new SandboxConfig
        {
            Zone = r.String("zone", d.Zone),
            Ttl = r.Int("ttl", d.Ttl),
            Replicas = r.Int("replicas", d.Replicas),
            RequestRate = r.OptionalString("requestRate") is null or "auto" ? d.RequestRate : r.Int("requestRate", 0),
            Clients = r.Int("clients", d.Clients),
            SeedItems = r.Int("seedItems", d.SeedItems),
            Bake = r.Duration("bake", d.Bake),
            Interval = r.Duration("interval", d.Interval),
            Drain = r.Duration("drain", d.Drain),
            Verification = r.Duration("verification", d.Verification),
            MaxP99 = r.Duration("maxP99", d.MaxP99),
        };
    }
}
