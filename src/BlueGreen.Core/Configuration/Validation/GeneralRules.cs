using System.Text.RegularExpressions;
using BlueGreen.Core.Configuration.Data;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Environment name, region, account, data, CI, GitOps and app rules.</summary>
internal static partial class GeneralRules
{
    public static void Check(EnvironmentConfig c, Checker check)
    {
        check.That(EnvironmentName().IsMatch(c.Environment), "environment", $"'{c.Environment}' is not a usable environment name.", "Use 1 to 20 lowercase letters, digits or hyphens, starting with a letter (it prefixes stack names).");
        check.That(AwsRegions.IsKnown(c.Region), "region", $"'{c.Region}' is not an AWS region.", $"Use one of: {string.Join(", ", AwsRegions.Names)}.");
        check.That(c.Account is null || Account().IsMatch(c.Account), "account", $"'{c.Account}' is not an AWS account id.", "Write the 12 digits in quotes, e.g. \"111122223333\".");

        check.That(TableName().IsMatch(c.Data.TableName), "data.tableName", $"'{c.Data.TableName}' is not a DynamoDB table name.", "Use 3 to 255 letters, digits, '_', '-' or '.'.");
        check.That(c.Data.PartitionKey.Length is > 0 and <= 255, "data.partitionKey", "The partition key name must have 1 to 255 characters.");

        check.That(GitHubRepository().IsMatch(c.Ci.Repository), "ci.repository", $"'{c.Ci.Repository}' is not a GitHub repository.", "Write owner/name, e.g. my-org/my-repo.");
        check.That(EcrName().IsMatch(c.Ci.EcrRepository), "ci.ecrRepository", $"'{c.Ci.EcrRepository}' is not an ECR repository name.", "Use 2 to 256 lowercase letters, digits, '.', '_', '-' or '/'.");
        check.That(RelativePath(c.Ci.Buildspec), "ci.buildspec", $"'{c.Ci.Buildspec}' is not a path inside the repository.", "Write a relative path without '..', e.g. samples/SampleApp/buildspec.yml.");
        check.That(RelativePath(c.Ci.SourcePath), "ci.sourcePath", $"'{c.Ci.SourcePath}' is not a path inside the repository.", "Write a relative path without '..'.");
        check.InRange(c.Ci.KeepImages, 1, 1000, "ci.keepImages", "The number of images to keep");
        check.InRange(c.Ci.TimeoutMinutes, 5, 480, "ci.timeoutMinutes", "The build timeout in minutes");

        check.That(GitUrl().IsMatch(c.GitOps.RepoUrl), "gitops.repoUrl", $"'{c.GitOps.RepoUrl}' is not a Git URL Argo CD can clone.", "Write https://host/owner/name.git or git@host:owner/name.git.");
        check.That(c.GitOps.Revision.Length > 0, "gitops.revision", "The revision is empty.", "Write a branch, tag or commit, e.g. main.");
        check.That(RelativePath(c.GitOps.Path), "gitops.path", $"'{c.GitOps.Path}' is not a path inside the repository.", "Write a relative path without '..', e.g. deploy.");
        check.That(VTag().IsMatch(c.GitOps.ArgoCdVersion), "gitops.argoCdVersion", $"'{c.GitOps.ArgoCdVersion}' is not a release tag.", "Write a pinned release such as v3.1.8.");
        check.That(SemVer().IsMatch(c.GitOps.LoadBalancerControllerChart), "gitops.loadBalancerControllerChart", $"'{c.GitOps.LoadBalancerControllerChart}' is not a chart version.", "Write a pinned version such as 1.13.3.");
        check.That(VTag().IsMatch(c.GitOps.ExternalDnsVersion), "gitops.externalDnsVersion", $"'{c.GitOps.ExternalDnsVersion}' is not an image tag of a release.", "Write a pinned release such as v0.23.0.");

        if (c.GitOps.ExternalDnsDigest is { } dnsDigest)
        {
            check.That(Digest().IsMatch(dnsDigest), "gitops.externalDnsDigest", $"'{dnsDigest}' is not an image digest.", "Write sha256: and 64 lowercase hex digits, as the registry lists it for the tag.");
        }

        if (c.App.ImageDigest is { } appDigest)
        {
            check.That(Digest().IsMatch(appDigest), "app.imageDigest", $"'{appDigest}' is not an image digest.", "Write sha256: and 64 lowercase hex digits (aws ecr describe-images shows imageDigest).");
        }

        check.That(ImageTag().IsMatch(c.App.ImageTag) && c.App.ImageTag != "latest", "app.imageTag", $"'{c.App.ImageTag}' is not a pinned image tag.", "Use the tag CI pushed (UTC time and commit id), never 'latest'.");
        check.InRange(c.App.Replicas, 1, 100, "app.replicas", "The replica count");
        check.That(Cpu().IsMatch(c.App.Cpu), "app.cpu", $"'{c.App.Cpu}' is not a CPU quantity.", "Write millicores such as 300m, or cores such as 1.");
        check.That(Memory().IsMatch(c.App.Memory), "app.memory", $"'{c.App.Memory}' is not a memory quantity.", "Write a size such as 512Mi or 1Gi.");
    }

    private static bool RelativePath(string path) =>
        path.Length > 0 && !path.StartsWith('/') && !path.Split('/').Contains("..");

    [GeneratedRegex("^[a-z][a-z0-9-]{0,19}$")]
    private static partial Regex EnvironmentName();

    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex Account();

    [GeneratedRegex(@"^[A-Za-z0-9_.\-]{3,255}$")]
    private static partial Regex TableName();

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9\-]{0,38}/[A-Za-z0-9_.\-]{1,100}$")]
    private static partial Regex GitHubRepository();

    [GeneratedRegex(@"^(?=.{2,256}$)[a-z0-9]+(?:[._\-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._\-][a-z0-9]+)*)*$")]
    private static partial Regex EcrName();

    [GeneratedRegex(@"^(https://[^\s/]+/\S+|git@[^\s:]+:\S+)$")]
    private static partial Regex GitUrl();

    [GeneratedRegex(@"^v\d+\.\d+\.\d+$")]
    private static partial Regex VTag();

    [GeneratedRegex(@"^\d+\.\d+\.\d+$")]
    private static partial Regex SemVer();

    [GeneratedRegex(@"^[A-Za-z0-9_][A-Za-z0-9_.\-]{0,127}$")]
    private static partial Regex ImageTag();

    [GeneratedRegex("^sha256:[0-9a-f]{64}$")]
    private static partial Regex Digest();

    [GeneratedRegex(@"^(\d+m|\d+(\.\d+)?)$")]
    private static partial Regex Cpu();

    [GeneratedRegex(@"^\d+(Ki|Mi|Gi|Ti)$")]
    private static partial Regex Memory();
}
