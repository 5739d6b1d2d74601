using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Journal;

/// <summary>One recorded event with its sequence number (1, 2, 3, ... with no gaps).</summary>
public sealed record JournalEntry(long Sequence, CutoverEvent Event);
