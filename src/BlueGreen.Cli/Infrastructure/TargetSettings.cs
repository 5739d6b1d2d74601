using System.ComponentModel;
using BlueGreen.Core.Configuration;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Options of the commands that act on a target (the sandbox or AWS): which one, and what AWS mode needs.</summary>
public class TargetSettings : GlobalSettings
{
    [CommandOption("--target <TARGET>")]
    [Description("sandbox or aws; overrides `target:` in the configuration.")]
    public Target? Target { get; init; }

    [CommandOption("--journal-bucket <NAME>")]
    [Description("AWS mode: the journal bucket; read from SSM /<env>/common/journal-bucket when left out.")]
    public string? JournalBucket { get; init; }

    [CommandOption("--zone-id <ID>")]
    [Description("AWS mode: the service's hosted zone id; read from SSM /<env>/common/zone-id when left out.")]
    public string? ZoneId { get; init; }

    [CommandOption("--aws-endpoint <URL>")]
    [Description("AWS mode: send every AWS API call to this AWS-compatible endpoint (as AWS_ENDPOINT_URL does), e.g. the one `bluegreen sandbox up --aws-endpoint` prints.")]
    public string? AwsEndpoint { get; init; }

    [CommandOption("--prometheus-url <URL>")]
    [Description("AWS mode: a Prometheus HTTP API whose user-traffic metrics gate the upgrade besides the direct probes.")]
    public string? PrometheusUrl { get; init; }

    [CommandOption("--expected-commit <SHA>")]
    [Description("AWS mode: the commit Argo CD must have synced for a colour to count as ready.")]
    public string? ExpectedCommit { get; init; }

    /// <summary><see cref="AwsEndpoint"/> as a URL; null when not given.</summary>
    /// <exception cref="UserInputException">It is not an http or https URL.</exception>
    public Uri? AwsEndpointUri() => AwsEndpoint is null ? null : Composition.AwsEndpointCheck.Parse(AwsEndpoint, "--aws-endpoint");

    /// <summary>The target in effect: the option, else the configuration's.</summary>
    public Target TargetOf(EnvironmentConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Target ?? config.Target;
    }
}
