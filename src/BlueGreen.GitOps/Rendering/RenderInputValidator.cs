using System.Text.RegularExpressions;
using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Rendering;

/// <summary>Collects every reason the configuration cannot be rendered, each naming its key in bluegreen.yaml.</summary>
internal static partial class RenderInputValidator
{
    public static IReadOnlyList<string> Validate(EnvironmentConfig config)
    {
        var errors = new List<string>();

        if (!DnsLabel().IsMatch(config.Environment ?? string.Empty))
        {
            errors.Add($"environment: '{config.Environment}' must be a DNS label (lower-case letters, digits and '-'), because it prefixes ExternalDNS owner ids and the VPC name.");
        }

        if (config.Account is null || !AccountId().IsMatch(config.Account))
        {
            errors.Add($"account: '{config.Account}' is not a 12-digit AWS account id; the sample app's ECR image address needs it (quote it in YAML).");
        }

        if (string.IsNullOrWhiteSpace(config.Region))
        {
            errors.Add("region: is empty; set the AWS region, e.g. ap-northeast-1.");
        }

        ValidateDns(config.Dns, errors);
        ValidateGitOps(config.GitOps, errors);
        ValidateApp(config.App, config.Ci, errors);
        ValidateClusters(config.Clusters, errors);
        return errors;
    }

    private static void ValidateDns(DnsConfig dns, List<string> errors)
    {
        if (!DnsLabel().IsMatch(dns.Subdomain ?? string.Empty))
        {
            errors.Add($"dns.subdomain: '{dns.Subdomain}' must be one DNS label, e.g. test.");
        }

        if (string.IsNullOrWhiteSpace(dns.ParentZoneName) || dns.ParentZoneName.EndsWith('.'))
        {
            errors.Add($"dns.parentZoneName: '{dns.ParentZoneName}' must be a zone name without the trailing dot, e.g. example.com.");
        }
    }

    private static void ValidateGitOps(GitOpsConfig gitOps, List<string> errors)
    {
        if (string.IsNullOrWhiteSpace(gitOps.RepoUrl))
        {
            errors.Add("gitops.repoUrl: is empty; set the Git URL Argo CD clones, e.g. https://github.com/owner/name.git.");
        }

        if (string.IsNullOrWhiteSpace(gitOps.Revision))
        {
            errors.Add("gitops.revision: is empty; set the branch, tag or commit Argo CD follows, e.g. main.");
        }

        if (!RelativeDirectory().IsMatch(gitOps.Path ?? string.Empty) || gitOps.Path!.Split('/').Any(part => part is "." or ".."))
        {
            errors.Add($"gitops.path: '{gitOps.Path}' must be a relative directory of its own inside the repository, e.g. deploy; render replaces everything in it.");
        }

        if (!ChartVersion().IsMatch(gitOps.LoadBalancerControllerChart ?? string.Empty))
        {
            errors.Add($"gitops.loadBalancerControllerChart: '{gitOps.LoadBalancerControllerChart}' is not a pinned chart version such as 1.13.3.");
        }

        if (!ExternalDnsRelease.TryParse(gitOps.ExternalDnsVersion, out _))
        {
            errors.Add($"gitops.externalDnsVersion: '{gitOps.ExternalDnsVersion}' is not a pinned release; set a tag such as v0.23.0.");
        }
    }

    private static void ValidateApp(AppConfig app, CiConfig ci, List<string> errors)
    {
        if (!ImageTag().IsMatch(app.ImageTag ?? string.Empty) || string.Equals(app.ImageTag, "latest", StringComparison.OrdinalIgnoreCase))
        {
            errors.Add($"app.imageTag: '{app.ImageTag}' is not a pinned image tag; set the tag CI pushed (never latest).");
        }

        if (app.Replicas < 1)
        {
            errors.Add($"app.replicas: {app.Replicas} must be at least 1.");
        }

        if (!IsQuantity(app.Cpu))
        {
            errors.Add($"app.cpu: '{app.Cpu}' is not a Kubernetes quantity such as 300m.");
        }

        if (!IsQuantity(app.Memory))
        {
            errors.Add($"app.memory: '{app.Memory}' is not a Kubernetes quantity such as 512Mi.");
        }

        if (!EcrRepository().IsMatch(ci.EcrRepository ?? string.Empty))
        {
            errors.Add($"ci.ecrRepository: '{ci.EcrRepository}' is not an ECR repository name (lower-case letters, digits, '.', '_', '-', '/').");
        }
    }

    private static void ValidateClusters(IReadOnlyList<ClusterConfig> clusters, List<string> errors)
    {
        if (clusters.Count == 0)
        {
            errors.Add("clusters: is empty; configure one cluster per colour.");
        }

        for (var i = 0; i < clusters.Count; i++)
        {
            var cluster = clusters[i];
            if (!DnsLabel().IsMatch(cluster.Colour ?? string.Empty))
            {
                errors.Add($"clusters[{i}].colour: '{cluster.Colour}' must be a DNS label such as blue; it becomes a directory and a hostname.");
            }

            if (string.IsNullOrWhiteSpace(cluster.Name))
            {
                errors.Add($"clusters[{i}].name: is empty; set the EKS cluster name.");
            }

            if (!KubernetesVersion.TryParse(cluster.Version, out _))
            {
                errors.Add($"clusters[{i}].version: '{cluster.Version}' is not a Kubernetes version; write it as a quoted string such as \"1.33\".");
            }
        }

        foreach (var duplicate in clusters.GroupBy(c => c.Colour, StringComparer.Ordinal).Where(g => g.Count() > 1))
        {
            errors.Add($"clusters: the colour '{duplicate.Key}' is configured {duplicate.Count()} times; each colour needs its own directory and owner id.");
        }
    }

    private static bool IsQuantity(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        try
        {
            _ = new ResourceQuantity(text).ToDecimal();
            return true;
        }
        catch (Exception e) when (e is FormatException or ArgumentException or OverflowException)
        {
            return false;
        }
    }

    [GeneratedRegex("^[a-z0-9]([a-z0-9-]{0,38}[a-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex DnsLabel();

    [GeneratedRegex("^[0-9]{12}$", RegexOptions.CultureInvariant)]
    private static partial Regex AccountId();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", RegexOptions.CultureInvariant)]
    private static partial Regex ImageTag();

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex ChartVersion();

    [GeneratedRegex("^[a-z0-9]+([._/-][a-z0-9]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex EcrRepository();

    [GeneratedRegex("^[A-Za-z0-9_.-]+(/[A-Za-z0-9_.-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex RelativeDirectory();
}
