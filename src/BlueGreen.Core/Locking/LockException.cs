using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Locking;

/// <summary>A lock operation could not be done; the message says why and what to do.</summary>
public class LockException : CutoverException
{
    public LockException()
    {
    }

    public LockException(string message)
        : base(message)
    {
    }

    public LockException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
