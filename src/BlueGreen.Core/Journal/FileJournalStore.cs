using System.Text;

namespace BlueGreen.Core.Journal;

/// <summary>
/// The journal as a local file, one record a line. Each append is one write followed by an fsync
/// (<see cref="FileStream.Flush(bool)"/>), so a record is on disk before its action counts as done.
/// A record's sequence is its line number.
/// </summary>
public sealed class FileJournalStore : IJournalStore
{
    private readonly string _path;

    // Line count and length as last seen, so an append need not rescan the file unless someone else changed it.
    private long _knownLength = -1;
    private long _knownLines;
    private bool _endsWithNewline = true;

    public FileJournalStore(string path)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        _path = Path.GetFullPath(path);
    }

    public string Location => _path;

    public Task<IReadOnlyList<string>> ReadAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return Task.FromResult<IReadOnlyList<string>>([]);
        }

        var bytes = File.ReadAllBytes(_path);
        var lines = new List<string>();
        var start = 0;
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                lines.Add(Encoding.UTF8.GetString(bytes, start, i - start));
                start = i + 1;
            }
        }

        if (start < bytes.Length)
        {
            lines.Add(Encoding.UTF8.GetString(bytes, start, bytes.Length - start));
        }

        _knownLength = bytes.Length;
        _knownLines = lines.Count;
        _endsWithNewline = start == bytes.Length;
        return Task.FromResult<IReadOnlyList<string>>(lines);
    }

    public Task AppendAsync(long sequence, string record, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(record);
        if (record.Contains('\n', StringComparison.Ordinal))
        {
            throw new ArgumentException("A journal record is one line.", nameof(record));
        }

        Directory.CreateDirectory(Path.GetDirectoryName(_path)!);
        using var stream = new FileStream(_path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.Read);
        if (stream.Length != _knownLength)
        {
            Recount(stream);
        }

        if (sequence != _knownLines + 1)
        {
            throw new JournalConflictException($"The journal {_path} holds {_knownLines} records; sequence {sequence} cannot be appended. Another process is writing to it: make sure only one bluegreen runs against this environment.");
        }

        // A record left without its newline by a crash is complete (it passed its checksum), so end its line first.
        var text = (_endsWithNewline ? string.Empty : "\n") + record + "\n";
        var bytes = Encoding.UTF8.GetBytes(text);
        stream.Seek(0, SeekOrigin.End);
        stream.Write(bytes);
        stream.Flush(flushToDisk: true);
        _knownLength = stream.Length;
        _knownLines++;
        _endsWithNewline = true;
        return Task.CompletedTask;
    }

    public Task DropLastAsync(CancellationToken cancellationToken)
    {
        if (!File.Exists(_path))
        {
            return Task.CompletedTask;
        }

        using var stream = new FileStream(_path, FileMode.Open, FileAccess.ReadWrite, FileShare.Read);
        var bytes = new byte[stream.Length];
        stream.ReadExactly(bytes);

        // The last record starts after the last newline that is not the file's final byte.
        var end = bytes.Length > 0 && bytes[^1] == (byte)'\n' ? bytes.Length - 1 : bytes.Length;
        var cut = Array.LastIndexOf(bytes, (byte)'\n', Math.Max(end - 1, 0)) + 1;
        if (end == 0)
        {
            cut = 0;
        }

        stream.SetLength(cut);
        stream.Flush(flushToDisk: true);
        _knownLength = -1;
        return Task.CompletedTask;
    }

    private void Recount(FileStream stream)
    {
        var bytes = new byte[stream.Length];
        stream.Seek(0, SeekOrigin.Begin);
        stream.ReadExactly(bytes);
        _knownLines = bytes.Count(b => b == (byte)'\n') + (bytes.Length > 0 && bytes[^1] != (byte)'\n' ? 1 : 0);
        _endsWithNewline = bytes.Length == 0 || bytes[^1] == (byte)'\n';
        _knownLength = bytes.Length;
    }
}
