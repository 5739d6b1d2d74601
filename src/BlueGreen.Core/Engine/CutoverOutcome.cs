namespace BlueGreen.Core.Engine;

/// <summary>How an engine run ended. The CLI maps it to an exit code: Completed 0; RolledBack and Aborted 3 (traffic is back on the live colour); the others 1.</summary>
/// <param name="Kind">Which way it ended.</param>
/// <param name="Reason">Why, in words.</param>
/// <param name="State">The state at the end.</param>
public sealed record CutoverOutcome(OutcomeKind Kind, string Reason, CutoverState State);

/// <summary>Which way an engine run ended.</summary>
public enum OutcomeKind
{
    /// <summary>All traffic on the candidate and drained; the old colour may go.</summary>
    Completed,

    /// <summary>Traffic is back on the live colour after a failed gate or an operator's rollback.</summary>
    RolledBack,

    /// <summary>The upgrade is paused (operator, approval step or inconclusive gates) and the run was told to stop there.</summary>
    Paused,

    /// <summary>Traffic is back on the live colour after an operator's abort or a degraded live colour.</summary>
    Aborted,

    /// <summary>The engine could not go on (candidate not ready, weights would not take); the journal says where it stopped.</summary>
    Failed,
}
