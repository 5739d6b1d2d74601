namespace BlueGreen.Sandbox.Hosting;

/// <summary>The sandbox could not start or run; the message says what and what to do.</summary>
public sealed class SandboxException : Exception
{
    public SandboxException()
    {
    }

    public SandboxException(string message)
        : base(message)
    {
    }

    public SandboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
