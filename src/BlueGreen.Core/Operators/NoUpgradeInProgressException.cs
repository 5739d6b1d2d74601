using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Operators;

/// <summary>An operator request made while no upgrade is in progress: refused, so it can never act on a later upgrade.</summary>
public sealed class NoUpgradeInProgressException : CutoverException
{
    public NoUpgradeInProgressException()
    {
    }

    public NoUpgradeInProgressException(string message)
        : base(message)
    {
    }

    public NoUpgradeInProgressException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public NoUpgradeInProgressException(string message, bool ended)
        : base(message)
    {
        Ended = ended;
    }

    /// <summary>True when the journal records an upgrade that has ended; false when it records none.</summary>
    public bool Ended { get; }
}
