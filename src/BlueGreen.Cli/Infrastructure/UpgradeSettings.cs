using System.ComponentModel;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Options of <c>upgrade</c>: the engine's, and whether the preflight's FAIL-level checks run first.</summary>
public sealed class UpgradeSettings : EngineSettings
{
    [CommandOption("--skip-preflight")]
    [Description("Start without running the preflight checks first (on EKS clusters they run by default, and any FAIL stops the upgrade before anything changes).")]
    public bool SkipPreflight { get; init; }
}
