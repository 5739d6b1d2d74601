namespace BlueGreen.Core.Gates;

/// <summary>What one interval's metrics say about a colour.</summary>
public enum GateVerdict
{
    /// <summary>Enough requests, and every rule held.</summary>
    Pass,

    /// <summary>Enough requests, and a rule was broken.</summary>
    Fail,

    /// <summary>Too few requests to judge; counts as neither a pass nor a failure.</summary>
    Inconclusive,
}
