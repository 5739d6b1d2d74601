namespace BlueGreen.Cli.Infrastructure;

/// <summary>The process exit codes every command uses.</summary>
public static class ExitCodes
{
    public const int Ok = BlueGreen.Core.Engine.OutcomeExitCodes.Completed;

    /// <summary>The command ran and failed (a check failed, a lock is held, an action did not take).</summary>
    public const int Failure = 1;

    /// <summary>Bad input or configuration; nothing was changed.</summary>
    public const int BadInput = 2;

    /// <summary>The upgrade was rolled back or aborted: all traffic is back on the live colour.</summary>
    public const int RolledBack = BlueGreen.Core.Engine.OutcomeExitCodes.RolledBack;

    /// <summary>A rehearsal stopped by Ctrl+C, SIGTERM or SIGHUP before it ended (128 + SIGINT, as shells report it).</summary>
    public const int Interrupted = 130;
}
