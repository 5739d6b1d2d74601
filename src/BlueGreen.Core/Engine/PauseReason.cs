namespace BlueGreen.Core.Engine;

/// <summary>Why an upgrade is paused.</summary>
public enum PauseReason
{
    /// <summary>An operator asked for it.</summary>
    Operator,

    /// <summary>An approval step waits for an operator to resume.</summary>
    Approval,

    /// <summary>Too many consecutive intervals had too little data to judge.</summary>
    Inconclusive,
}
