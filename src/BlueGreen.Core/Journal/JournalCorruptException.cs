using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Journal;

/// <summary>The journal cannot be trusted beyond <see cref="Line"/>; nothing was changed. The message says what and what to do.</summary>
public sealed class JournalCorruptException : CutoverException
{
    public JournalCorruptException(string location, int line, string problem)
        : base($"The journal {location} is damaged at line {line}: {problem}. Nothing was changed. Restore the journal from a backup, or move it aside and check the weights with `bluegreen status` before starting again.")
    {
        Line = line;
    }

    public JournalCorruptException()
    {
    }

    public JournalCorruptException(string message)
        : base(message)
    {
    }

    public JournalCorruptException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    /// <summary>1-based line (record) number of the first damage.</summary>
    public int Line { get; }
}
