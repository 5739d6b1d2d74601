using System.ComponentModel;
using BlueGreen.Aws.Preflight;
using BlueGreen.Cli.Commands.AwsMode;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Notifications;
using BlueGreen.Cli.Planning;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen upgrade</c>: runs the configured plan against the target; resumes an upgrade in progress.</summary>
[Description("Move traffic to the candidate colour step by step under the gates (resumes an upgrade in progress); on EKS clusters the preflight runs first.")]
public sealed class UpgradeCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<UpgradeSettings>(console, timeProvider, aws)
{
    protected override int? WithoutTarget(EnvironmentConfig config, UpgradeSettings settings) =>
        settings.DryRun ? UpgradeDryRun.Print(Console, config, settings) : null;

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, UpgradeSettings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        // The preflight is about EKS clusters: the sandbox's colours (its own target, or behind a sandbox's AWS endpoint) have none.
        var onEks = settings.TargetOf(config) == Target.Aws && SandboxClusterSide.ForRunningSandbox(settings.Config, Aws) is null;
        if (onEks && !settings.SkipPreflight)
        {
            var results = new List<PreflightResult>(DeploymentSettingsCheck.Evaluate(Warnings, Target.Aws));
            results.AddRange(await new PreflightRunner(Aws, Time, settings.JournalBucket, settings.ZoneId).RunAsync(config, settings.Config, config.CandidateCluster, cancellationToken));
            var failed = results.Where(r => r.Status == PreflightStatus.Fail).ToList();
            if (failed.Count > 0)
            {
                throw new CommandFailedException($"The preflight failed, so the upgrade did not start and nothing was changed: {string.Join(" ", failed.Select(f => $"[{f.Check}] {f.Detail}"))} Fix them (bluegreen preflight --to {config.CandidateCluster.Colour} shows every check), or pass --skip-preflight.");
            }

            if (settings.Output == OutputFormat.Text)
            {
                Console.MarkupLineInterpolated($"Preflight: no check failed ({results.Count(r => r.Status == PreflightStatus.Warn)} warnings; bluegreen preflight shows them).");
            }
        }

        await using var notifications = new UpgradeNotifications(config, Console, Time);
        return await EngineRun.RunAsync(session, Console, settings, notifications, cancellationToken);
    }
}
