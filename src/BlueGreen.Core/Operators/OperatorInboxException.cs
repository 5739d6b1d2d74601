using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Operators;

/// <summary>The operator inbox itself cannot be read; the message names it and what to do.</summary>
public sealed class OperatorInboxException : CutoverException
{
    public OperatorInboxException()
    {
    }

    public OperatorInboxException(string message)
        : base(message)
    {
    }

    public OperatorInboxException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
