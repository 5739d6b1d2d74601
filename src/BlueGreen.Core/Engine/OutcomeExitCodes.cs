namespace BlueGreen.Core.Engine;

/// <summary>The process exit code of each way an engine run can end; the CLI and the rehearsal summary share it.</summary>
public static class OutcomeExitCodes
{
    public const int Completed = 0;

    /// <summary>Paused, failed or interrupted: the journal says where it stopped.</summary>
    public const int Stopped = 1;

    /// <summary>Rolled back or aborted: all traffic is back on the live colour.</summary>
    public const int RolledBack = 3;

    public static int Of(OutcomeKind kind) => kind switch
    {
        OutcomeKind.Completed => Completed,
        OutcomeKind.RolledBack or OutcomeKind.Aborted => RolledBack,
        _ => Stopped,
    };
}
