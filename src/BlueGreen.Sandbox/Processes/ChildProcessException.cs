namespace BlueGreen.Sandbox.Processes;

/// <summary>A child process could not be started or did not come up.</summary>
public sealed class ChildProcessException : Exception
{
    public ChildProcessException()
    {
    }

    public ChildProcessException(string message)
        : base(message)
    {
    }

    public ChildProcessException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
