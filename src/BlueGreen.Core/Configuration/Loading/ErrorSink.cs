using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Core.Configuration.Loading;

/// <summary>Collects every error of one file, and where each key path stands in it.</summary>
internal sealed class ErrorSink(string file)
{
    private readonly List<ConfigError> _errors = [];
    private readonly List<ConfigWarning> _warnings = [];
    private readonly Dictionary<string, Mark> _positions = new(StringComparer.Ordinal);
    private readonly HashSet<string> _pathsInError = new(StringComparer.Ordinal);

    public string File { get; } = file;

    public IReadOnlyList<ConfigError> Errors => _errors;

    public bool HasErrors => _errors.Count > 0;

    public IReadOnlyList<ConfigWarning> Warnings => _warnings;

    public void Record(string path, YamlNode node) => _positions[path] = node.Start;

    /// <summary>Whether an error was already reported at <paramref name="path"/>, above it or below it.</summary>
    public bool HasErrorAt(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (_pathsInError.Contains(candidate))
            {
                return true;
            }
        }

        return _pathsInError.Any(p => p.StartsWith(path + ".", StringComparison.Ordinal) || p.StartsWith(path + "[", StringComparison.Ordinal));
    }

    public void At(YamlNode node, string path, string message, string? hint = null) => Add(node.Start, path, message, hint);

    public void At(Mark mark, string path, string message, string? hint = null) => Add(mark, path, message, hint);

    /// <summary>Reports at the position recorded for <paramref name="path"/>, else its nearest recorded parent; once per path.</summary>
    public void AtPath(string path, string message, string? hint = null)
    {
        if (_pathsInError.Contains(path))
        {
            return;
        }

        Add(PositionOf(path), path, message, hint);
    }

    /// <summary>Records a warning at the position of <paramref name="path"/>, else its nearest recorded parent.</summary>
    public void WarnAt(string path, string message, string hint, bool blocksAws)
    {
        var mark = PositionOf(path);
        _warnings.Add(new ConfigWarning(File, (int)mark.Line, (int)mark.Column, path, message, hint, blocksAws));
    }

    public void WholeFile(string message, string? hint = null) =>
        _errors.Add(new ConfigError(File, 0, 0, string.Empty, message, hint));

    private void Add(Mark mark, string path, string message, string? hint)
    {
        _pathsInError.Add(path);
        _errors.Add(new ConfigError(File, (int)mark.Line, (int)mark.Column, path, message, hint));
    }

    private Mark PositionOf(string path)
    {
        for (var candidate = path; candidate.Length > 0; candidate = Parent(candidate))
        {
            if (_positions.TryGetValue(candidate, out var mark))
            {
                return mark;
            }
        }

        return _positions.GetValueOrDefault(string.Empty, new Mark(0, 1, 1));
    }

    private static string Parent(string path)
    {
        var cut = Math.Max(path.LastIndexOf('.'), path.LastIndexOf('['));
        return cut <= 0 ? string.Empty : path[..cut];
    }
}
