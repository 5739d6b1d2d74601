using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Journal;

/// <summary>An append found its sequence number taken: another process wrote to the journal.</summary>
public sealed class JournalConflictException : CutoverException
{
    public JournalConflictException()
    {
    }

    public JournalConflictException(string message)
        : base(message)
    {
    }

    public JournalConflictException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
