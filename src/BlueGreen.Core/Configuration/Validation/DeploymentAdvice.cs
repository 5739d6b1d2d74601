using BlueGreen.Core.Configuration.Data;
using BlueGreen.Core.Configuration.Loading;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>
/// Warnings for a valid configuration that a first real deployment would trip over: placeholders left in, nobody
/// able to reach the clusters, an API endpoint open to the internet, and what the support policy will cost or do.
/// </summary>
internal static class DeploymentAdvice
{
    public static void Check(EnvironmentConfig c, ErrorSink sink, DateOnly today)
    {
        Placeholders(c, sink);
        for (var i = 0; i < c.Clusters.Count; i++)
        {
            var k = c.Clusters[i];
            var path = $"clusters[{i}]";
            if (k.AdminRoleArns.Count == 0)
            {
                sink.WarnAt($"{path}.adminRoleArns", $"No one gets access to {k.Name}: EKS makes only the principal that created it admin, and with the CDK that is the CloudFormation execution role, not a person.", "List the IAM roles of the people and tools that run kubectl and bluegreen, e.g. adminRoleArns: [arn:aws:iam::<account>:role/<name>].", blocksAws: true);
            }

            Endpoint(k, path, sink);
            Support(k, path, sink, today);
        }
    }

    private static void Placeholders(EnvironmentConfig c, ErrorSink sink)
    {
        if (ConfigPlaceholders.IsPlaceholderRepository(c.Ci.Repository))
        {
            sink.WarnAt("ci.repository", $"'{c.Ci.Repository}' is not a repository with this project's layout: CodeBuild would find no {c.Ci.Buildspec} there.", "Push this repository to GitHub and write its owner/name.", blocksAws: true);
        }

        if (ConfigPlaceholders.GitHubRepositoryOf(c.GitOps.RepoUrl) is { } repository && ConfigPlaceholders.IsPlaceholderRepository(repository))
        {
            sink.WarnAt("gitops.repoUrl", $"'{c.GitOps.RepoUrl}' holds no {c.GitOps.Path}/ tree: every Argo CD Application would fail to sync.", "Write the Git URL of the repository you push the rendered tree to, then run bluegreen gitops render.", blocksAws: true);
        }

        if (c.Account == ConfigPlaceholders.ExampleAccount)
        {
            sink.WarnAt("account", $"{c.Account} is the account id of AWS's examples: the sample app's image address would point at it.", "Write your account id (aws sts get-caller-identity shows it).", blocksAws: true);
        }

        if (c.Dns.ParentZoneId == ConfigPlaceholders.ExampleParentZoneId)
        {
            sink.WarnAt("dns.parentZoneId", $"{c.Dns.ParentZoneId} is the shipped example, not a hosted zone: the common stack could not write the NS delegation.", "Write the id and name of your public hosted zone (aws route53 list-hosted-zones).", blocksAws: true);
        }
    }

    private static void Endpoint(ClusterConfig k, string path, ErrorSink sink)
    {
        if (k.EndpointAccess != EndpointAccess.Public)
        {
            return;
        }

        if (k.PublicAccessCidrs.Count == 0 || k.PublicAccessCidrs.Contains("0.0.0.0/0"))
        {
            var at = k.PublicAccessCidrs.Count == 0 ? $"{path}.publicAccessCidrs" : $"{path}.publicAccessCidrs[{k.PublicAccessCidrs.ToList().IndexOf("0.0.0.0/0")}]";
            sink.WarnAt(at, $"The Kubernetes API of {k.Name} is open to the whole internet (0.0.0.0/0); only authentication stands in the way.", "List the public IPv4 blocks of your offices, VPN or CI in publicAccessCidrs, or set endpointAccess: private.", blocksAws: false);
        }

        for (var i = 0; i < k.PublicAccessCidrs.Count; i++)
        {
            if (Ipv4Cidr.TryParse(k.PublicAccessCidrs[i], out var cidr, out _) && IsPrivate(cidr))
            {
                sink.WarnAt($"{path}.publicAccessCidrs[{i}]", $"{k.PublicAccessCidrs[i]} is a private range: the public endpoint only ever sees public source addresses, so it admits no one.", "Write the public address your traffic leaves from; traffic from inside the VPC uses the private endpoint.", blocksAws: false);
            }
        }
    }

    private static void Support(ClusterConfig k, string path, ErrorSink sink, DateOnly today)
    {
        if (EksVersions.Find(k.Version) is not { } row)
        {
            return;
        }

        var support = row.SupportOn(today);
        if (k.SupportType == EksSupportType.Extended && support == EksSupport.Extended)
        {
            sink.WarnAt($"{path}.version", $"Kubernetes {k.Version} is in extended support: {k.Name} costs extra per cluster hour until {row.EndOfExtendedSupport:yyyy-MM-dd}, when EKS upgrades it in place.", "Move to a version in standard support with a blue/green upgrade.", blocksAws: false);
        }
        else if (k.SupportType == EksSupportType.Standard && support == EksSupport.Standard)
        {
            sink.WarnAt($"{path}.supportType", $"With supportType: standard, EKS upgrades {k.Name}'s control plane in place on {row.EndOfStandardSupport:yyyy-MM-dd}, outside any blue/green upgrade and its gates.", "Upgrade with bluegreen before that date, or set supportType: extended to stay on the version (at extra cost).", blocksAws: false);
        }
    }

    // RFC 1918 blocks: no packet from the internet carries these as its source.
    private static bool IsPrivate(Ipv4Cidr cidr) =>
        new[] { "10.0.0.0/8", "172.16.0.0/12", "192.168.0.0/16" }
            .Select(text => Ipv4Cidr.TryParse(text, out var block, out _) ? block : default)
            .Any(block => block.Contains(cidr));
}
