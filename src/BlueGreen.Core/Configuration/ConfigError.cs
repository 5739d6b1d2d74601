using System.Globalization;

namespace BlueGreen.Core.Configuration;

/// <summary>One thing wrong with a configuration file: where, what, and what to do about it.</summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line; 0 when the error concerns the whole file.</param>
/// <param name="Column">1-based column; 0 when the error concerns the whole file.</param>
/// <param name="KeyPath">Dotted key path such as <c>clusters[1].version</c>; empty for the whole file.</param>
/// <param name="Message">What is wrong.</param>
/// <param name="Hint">What to do; may be null.</param>
public sealed record ConfigError(string File, int Line, int Column, string KeyPath, string Message, string? Hint)
{
    /// <summary><c>file:line:column: key: message (hint)</c>, the form compilers use so editors can jump to it.</summary>
    public override string ToString()
    {
        var location = Line > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}")
            : File;
        var key = KeyPath.Length > 0 ? $" {KeyPath}:" : string.Empty;
        var hint = Hint is null ? string.Empty : $" Hint: {Hint}";
        return $"{location}:{key} {Message}{hint}";
    }
}
