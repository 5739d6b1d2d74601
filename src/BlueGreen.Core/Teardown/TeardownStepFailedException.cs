namespace BlueGreen.Core.Teardown;

/// <summary>A teardown step did not finish in its time; the message names what is left and what to do.</summary>
public sealed class TeardownStepFailedException : Exception
{
    public TeardownStepFailedException()
    {
    }

    public TeardownStepFailedException(string message)
        : base(message)
    {
    }

    public TeardownStepFailedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
