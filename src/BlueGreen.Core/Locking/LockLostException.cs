namespace BlueGreen.Core.Locking;

/// <summary>A lock this process held is gone or belongs to someone else now (it was force-unlocked).</summary>
public sealed class LockLostException : LockException
{
    public LockLostException()
    {
    }

    public LockLostException(string message)
        : base(message)
    {
    }

    public LockLostException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
