using System.ComponentModel;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Options of the commands that run the engine (upgrade, resume).</summary>
public class EngineSettings : TargetSettings
{
    [CommandOption("--force-unlock <LOCK-ID>")]
    [Description("Remove the lock with this id first (one left by an engine that died); the id is in the error that names the holder.")]
    public string? ForceUnlock { get; init; }
}

/// <summary>Options of <c>upgrade</c>: the engine's, and a dry run.</summary>
public sealed class UpgradeSettings : EngineSettings
{
    [CommandOption("--dry-run")]
    [Description("Print the whole plan (each step's Route53 change, the gates, the bake and drain rules, what decommission would delete) and change nothing.")]
    public bool DryRun { get; init; }
}
