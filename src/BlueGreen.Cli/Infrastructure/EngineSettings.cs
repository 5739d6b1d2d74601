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
