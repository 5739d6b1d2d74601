using System.Globalization;

namespace BlueGreen.Core.Configuration;

/// <summary>
/// A setting that is valid but would hurt a real deployment: where it is, what it does, and what to set instead.
/// </summary>
/// <param name="File">The file as the user named it.</param>
/// <param name="Line">1-based line of the key, or of its nearest parent when the key is left out.</param>
/// <param name="Column">1-based column, as for <paramref name="Line"/>.</param>
/// <param name="KeyPath">Dotted key path such as <c>clusters[0].adminRoleArns</c>.</param>
/// <param name="Message">What the setting does.</param>
/// <param name="Hint">What to set instead.</param>
/// <param name="BlocksAws">Whether a deployment to AWS cannot work this way, so <c>preflight --target aws</c> fails on it.</param>
public sealed record ConfigWarning(string File, int Line, int Column, string KeyPath, string Message, string Hint, bool BlocksAws)
{
    /// <summary><c>file:line:column: key: message Hint: ...</c>, the form of <see cref="ConfigError"/>.</summary>
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{File}:{Line}:{Column}: {KeyPath}: {Message} Hint: {Hint}");
}
