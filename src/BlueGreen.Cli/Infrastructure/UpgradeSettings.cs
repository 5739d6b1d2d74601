using System.ComponentModel;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Options of <c>upgrade</c>: the engine's, whether the preflight's FAIL-level checks run first, and a dry run.</summary>
public sealed class UpgradeSettings : EngineSettings
{
    [CommandOption("--skip-preflight")]
    [Description("Start without running the preflight checks first (on EKS clusters they run by default, and any FAIL stops the upgrade before anything changes).")]
    public bool SkipPreflight { get; init; }

    [CommandOption("--dry-run")]
    [Description("Print the whole plan (each step's Route53 change, the gates, the bake and drain rules, what decommission would delete) and change nothing.")]
    public bool DryRun { get; init; }
}
