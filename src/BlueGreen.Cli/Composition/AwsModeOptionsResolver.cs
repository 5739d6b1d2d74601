using Amazon.SimpleSystemsManagement;
using Amazon.SimpleSystemsManagement.Model;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Common;

namespace BlueGreen.Cli.Composition;

/// <summary>Turns the AWS-mode options into <see cref="AwsModeOptions"/>: what was not given is read from the common stack's SSM parameters.</summary>
public static class AwsModeOptionsResolver
{
    public static Task<AwsModeOptions> ResolveAsync(EnvironmentConfig config, TargetSettings settings, AwsModeServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return ResolveAsync(config, settings.JournalBucket, settings.ZoneId, settings.PrometheusUrl, settings.ExpectedCommit, services, cancellationToken);
    }

    /// <summary>The same from plain option values, for commands that take only some of them (decommission).</summary>
    public static async Task<AwsModeOptions> ResolveAsync(EnvironmentConfig config, string? journalBucket, string? zoneId, string? prometheusUrl, string? expectedCommit, AwsModeServices services, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(services);
        Uri? prometheus = null;
        if (prometheusUrl is { } url && (!Uri.TryCreate(url, UriKind.Absolute, out prometheus) || (prometheus.Scheme != Uri.UriSchemeHttp && prometheus.Scheme != Uri.UriSchemeHttps)))
        {
            throw new UserInputException($"--prometheus-url '{url}' is not an http or https URL; give the Prometheus server's base URL, e.g. http://prometheus.monitoring:9090.");
        }

        var bucket = Blank(journalBucket);
        var zone = Blank(zoneId);
        if (bucket is null || zone is null)
        {
            var credentials = await services.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false)
                ?? throw new CommandFailedException("AWS mode needs AWS credentials (environment, profile, SSO or role); none were found. Sign in (e.g. `aws sso login`) or set AWS_PROFILE, then run again.");
            using var ssm = services.Ssm(credentials, config.Region);
            var names = new CommonParameters(config.Environment);
            bucket ??= await ReadAsync(ssm, names.JournalBucket, "--journal-bucket", config, cancellationToken).ConfigureAwait(false);
            zone ??= await ReadAsync(ssm, names.ZoneId, "--zone-id", config, cancellationToken).ConfigureAwait(false);
        }

        return new AwsModeOptions { JournalBucket = bucket, ZoneId = zone, PrometheusUrl = prometheus, ExpectedCommit = Blank(expectedCommit) };
    }

    private static async Task<string> ReadAsync(IAmazonSimpleSystemsManagement ssm, string name, string option, EnvironmentConfig config, CancellationToken cancellationToken)
    {
        try
        {
            var response = await ssm.GetParameterAsync(new GetParameterRequest { Name = name }, cancellationToken).ConfigureAwait(false);
            return Blank(response.Parameter?.Value)
                ?? throw new CommandFailedException($"The SSM parameter {name} in {config.Region} is empty. Redeploy the common stack ({config.Environment}-common), or pass {option}.");
        }
        catch (ParameterNotFoundException e)
        {
            throw new CommandFailedException($"The SSM parameter {name} does not exist in {config.Region}. Deploy the common stack (`npx cdk deploy {config.Environment}-common`), or pass {option}.", e);
        }
        catch (Exception e) when (e is not CommandFailedException && AwsModeErrors.IsExpected(e))
        {
            throw new CommandFailedException($"Reading the SSM parameter {name} failed: {AwsModeErrors.Describe(e)} Pass {option} to skip the lookup.", e);
        }
    }

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
