namespace BlueGreen.Core.Engine;

/// <summary>An expected failure of the engine or its stores; the message says what is wrong, where, and what to do.</summary>
public class CutoverException : Exception
{
    public CutoverException()
    {
    }

    public CutoverException(string message)
        : base(message)
    {
    }

    public CutoverException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
