namespace BlueGreen.Core.Text;

/// <summary>
/// Puts messages from elsewhere into sentences of our own without doubling or losing their full stops:
/// "health." + "." must not read "health..", and "internal" + " It was retried" must read "internal. It was retried".
/// </summary>
public static class Sentences
{
    /// <summary>A message as a clause inside a sentence: without its final full stop.</summary>
    public static string Clause(string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        var trimmed = message.TrimEnd();
        return trimmed.EndsWith('.') && !trimmed.EndsWith("..", StringComparison.Ordinal) ? trimmed[..^1] : trimmed;
    }

    /// <summary>Messages as clauses of one sentence, separated by semicolons.</summary>
    public static string List(IEnumerable<string> messages)
    {
        ArgumentNullException.ThrowIfNull(messages);
        return string.Join("; ", messages.Select(Clause).Where(m => m.Length > 0));
    }

    /// <summary>Sentences one after another, each ending with a full stop (or its own ! or ?).</summary>
    public static string Join(params string[] sentences)
    {
        ArgumentNullException.ThrowIfNull(sentences);
        return string.Join(' ', sentences.Select(s => s.Trim()).Where(s => s.Length > 0).Select(Ended));
    }

    private static string Ended(string sentence) => sentence[^1] is '.' or '!' or '?' or ')' && !sentence.EndsWith(" )", StringComparison.Ordinal) ? sentence : sentence + ".";
}
