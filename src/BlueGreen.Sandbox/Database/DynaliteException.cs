namespace BlueGreen.Sandbox.Database;

/// <summary>The local database could not be installed, started or prepared; the message says what to do.</summary>
public sealed class DynaliteException : Exception
{
    public DynaliteException()
    {
    }

    public DynaliteException(string message)
        : base(message)
    {
    }

    public DynaliteException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
