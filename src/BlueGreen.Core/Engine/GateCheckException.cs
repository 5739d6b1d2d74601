namespace BlueGreen.Core.Engine;

/// <summary>A gate check cannot run (an alarm of gates.alarms does not exist); nothing was recorded or moved.</summary>
public sealed class GateCheckException : CutoverException
{
    public GateCheckException()
    {
    }

    public GateCheckException(string message)
        : base(message)
    {
    }

    public GateCheckException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
