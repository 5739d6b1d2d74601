namespace BlueGreen.Cli.Infrastructure;

/// <summary>A command that ran and failed for a reason it can state; exits with code 1.</summary>
public sealed class CommandFailedException : Exception
{
    public CommandFailedException()
    {
    }

    public CommandFailedException(string message)
        : base(message)
    {
    }

    public CommandFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
