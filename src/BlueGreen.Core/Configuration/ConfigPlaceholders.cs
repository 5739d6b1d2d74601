namespace BlueGreen.Core.Configuration;

/// <summary>
/// Values the shipped bluegreen.yaml carries only so that the rehearsal runs: each must be replaced before a
/// deployment to AWS, and validate and preflight say so when one is left.
/// </summary>
public static class ConfigPlaceholders
{
    /// <summary>The repository the shipped file names: replace it with the fork or copy of this repository you push to.</summary>
    public const string GitHubRepository = "your-github-org/bluegreen";

    /// <summary>
    /// The reference system's repository. It holds Terraform, not this project's layout: no <c>deploy/</c> for Argo CD
    /// and no <c>samples/SampleApp/buildspec.yml</c> for CodeBuild, so both would fail against it.
    /// </summary>
    public const string ReferenceRepository = "jnytnai0613/blue-green-upgrade-blueprints";

    /// <summary>The account id AWS documentation uses in examples.</summary>
    public const string ExampleAccount = "111122223333";

    /// <summary>The parent zone id of the shipped file, which no real zone has.</summary>
    public const string ExampleParentZoneId = "Z0000000000000EXAMPLE";

    /// <summary>Whether <paramref name="repository"/> (owner/name) is one of the repositories that cannot serve a deployment.</summary>
    public static bool IsPlaceholderRepository(string repository) =>
        string.Equals(repository, GitHubRepository, StringComparison.OrdinalIgnoreCase)
        || string.Equals(repository, ReferenceRepository, StringComparison.OrdinalIgnoreCase);

    /// <summary>The owner/name a GitHub URL names (https or ssh form, with or without .git), or null for other hosts.</summary>
    public static string? GitHubRepositoryOf(string url)
    {
        ArgumentNullException.ThrowIfNull(url);
        foreach (var prefix in new[] { "https://github.com/", "git@github.com:" })
        {
            if (url.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            {
                var rest = url[prefix.Length..].TrimEnd('/');
                return rest.EndsWith(".git", StringComparison.OrdinalIgnoreCase) ? rest[..^4] : rest;
            }
        }

        return null;
    }
}
