namespace BlueGreen.Sandbox.Faults;

/// <summary>A <c>--fault</c> value that cannot be understood; the message says what to write instead.</summary>
public sealed class FaultSpecException : Exception
{
    public FaultSpecException()
    {
    }

    public FaultSpecException(string message)
        : base(message)
    {
    }

    public FaultSpecException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
