using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.EventEmitters;

namespace BlueGreen.GitOps.Manifests;

/// <summary>Double-quotes every string scalar that a YAML 1.1 or 1.2 reader could take for anything but that string.</summary>
internal sealed partial class SafeQuotingEventEmitter(IEventEmitter next) : ChainedEventEmitter(next)
{
    public override void Emit(ScalarEventInfo eventInfo, IEmitter emitter)
    {
        if (eventInfo.Source.Type == typeof(string) && eventInfo.Source.Value is string text && !IsPlainSafe(text))
        {
            // Multi-line text (a script, a config file) stays readable as a literal block; it reads back verbatim.
            eventInfo.Style = IsLiteralSafe(text) ? ScalarStyle.Literal : ScalarStyle.DoubleQuoted;
        }

        base.Emit(eventInfo, emitter);
    }

    /// <summary>True when <paramref name="text"/> reads back as the same string when written without quotes.</summary>
    internal static bool IsPlainSafe(string text) => PlainWord().IsMatch(text) && !ReservedWord().IsMatch(text);

    /// <summary>True for text of several lines that a literal block keeps exactly: one final newline, no tabs, no trailing spaces.</summary>
    internal static bool IsLiteralSafe(string text) =>
        text.Contains('\n', StringComparison.Ordinal)
        && text.EndsWith('\n')
        && !text.EndsWith("\n\n", StringComparison.Ordinal)
        && !text.StartsWith(' ')
        && !text.Contains('\t', StringComparison.Ordinal)
        && !text.Contains('\r', StringComparison.Ordinal)
        && !text.Split('\n').Any(line => line.EndsWith(' '));

    // Starts with a letter, a slash or a command-line dash before a letter (never a number, "-" or "- "), then only
    // characters that begin no YAML indicator; no spaces, so neither ": " nor " #" can occur.
    [GeneratedRegex(@"^(--?[A-Za-z]|[A-Za-z/])[A-Za-z0-9_./=@+-]*(:[A-Za-z0-9_./=@+-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex PlainWord();

    // YAML 1.1 booleans and nulls, in any case.
    [GeneratedRegex("^(y|yes|n|no|true|false|on|off|null)$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ReservedWord();
}
