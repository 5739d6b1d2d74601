namespace BlueGreen.Sandbox.Control;

/// <summary>The running sandbox's control API does not answer.</summary>
public sealed class SandboxUnreachableException : Exception
{
    public SandboxUnreachableException()
    {
    }

    public SandboxUnreachableException(string message)
        : base(message)
    {
    }

    public SandboxUnreachableException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
