using Spectre.Console.Cli.Help;

namespace BlueGreen.Cli.Arguments;

/// <summary>
/// Names, in one sentence, the first argument a command does not accept and what was probably meant. It explains a
/// refusal of the parser and never decides one: the parser alone accepts or refuses, so a case this reading misses
/// still exits 2 with the parser's own words.
/// </summary>
public static class ArgumentDiagnosis
{
    private const string Tool = "bluegreen";
    private const string RemainingMarker = "--";

    /// <summary>The sentence for <paramref name="args"/>, which the parser refused with <paramref name="parserMessage"/> (null when it was not the parser).</summary>
    public static string Describe(ICommandModel model, IReadOnlyList<string> args, string? parserMessage)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(args);

        var words = new List<string> { Tool };
        ICommandContainer container = model;
        ICommandInfo? command = null;
        var index = 0;
        while (command is null && index < args.Count && FindCommand(container, args[index]) is { } next)
        {
            words.Add(next.Name);
            index++;
            if (next.IsBranch)
            {
                container = next;
            }
            else
            {
                command = next;
            }
        }

        var name = string.Join(' ', words);
        var problem = command is null ? OutsideCommand(container, args, index) : InsideCommand(command, args, index);
        problem ??= parserMessage is null ? "could not read its arguments" : $"could not read its arguments ({parserMessage.TrimEnd('.')})";
        return $"{name} {problem}, so nothing was done; see {name} --help.";
    }

    /// <summary>The words stopped at the application or a branch: a command name is missing or mistyped.</summary>
    private static string? OutsideCommand(ICommandContainer container, IReadOnlyList<string> args, int index)
    {
        if (index >= args.Count)
        {
            return null;
        }

        var arg = args[index];
        if (IsLongOption(arg) || IsShortOption(arg) || arg == RemainingMarker)
        {
            return $"needs a command name before {arg} (options follow the command)";
        }

        var names = container.Commands.Where(c => !c.IsHidden).Select(c => c.Name).ToList();
        var hint = NearestName.Find(arg, names) is { } meant ? $"did you mean '{meant}'?" : $"its commands are {string.Join(", ", names)}";
        return $"has no command '{arg}' ({hint})";
    }

    /// <summary>Reads the arguments after the command's name the way the parser does and names the first it would refuse.</summary>
    private static string? InsideCommand(ICommandInfo command, IReadOnlyList<string> args, int index)
    {
        var options = command.Parameters.OfType<ICommandOption>().ToList();
        var positions = command.Parameters.OfType<ICommandArgument>().OrderBy(a => a.Position).ToList();
        var taken = 0;
        for (var i = index; i < args.Count; i++)
        {
            var arg = args[i];
            string? problem;
            if (arg == RemainingMarker)
            {
                var rest = string.Join(' ', args.Skip(i + 1));
                problem = rest.Length == 0 ? "takes nothing after --" : $"takes nothing after --, and got '{rest}'";
            }
            else if (IsLongOption(arg))
            {
                problem = LongOption(options, arg, args, ref i);
            }
            else if (IsShortOption(arg))
            {
                problem = ShortOptions(options, arg, args, ref i);
            }
            else if (taken < positions.Count)
            {
                taken++;
                problem = null;
            }
            else
            {
                var hint = NearestName.Find(arg, LongNames(options)) is { } meant ? $"did you mean --{meant}?"
                    : positions.Count == 0 ? "it takes no arguments"
                    : $"it takes only {string.Join(' ', positions.Select(p => p.Value))}";
                problem = $"does not take the argument '{arg}' ({hint})";
            }

            if (problem is not null)
            {
                return problem;
            }
        }

        var missing = positions.Skip(taken).Where(p => p.IsRequired).Select(p => p.Value).ToList();
        return missing.Count == 0 ? null : $"needs {string.Join(' ', missing)} after its name";
    }

    private static string? LongOption(List<ICommandOption> options, string arg, IReadOnlyList<string> args, ref int i)
    {
        var (name, inline) = SplitValue(arg[2..]);
        if (name == "help")
        {
            return null;
        }

        var option = options.FirstOrDefault(o => o.LongNames.Contains(name, StringComparer.Ordinal));
        if (option is null)
        {
            return Unknown(options, "--" + name, NearestName.Find(name, LongNames(options)));
        }

        return Value(option, "--" + name, inline, args, ref i);
    }

    private static string? ShortOptions(List<ICommandOption> options, string arg, IReadOnlyList<string> args, ref int i)
    {
        var (letters, inline) = SplitValue(arg[1..]);
        if (letters.Length > 1 && !letters.All(l => Short(options, l) is { IsFlag: true }))
        {
            // The parser reads -config as the short options c, o, n, f, i, g; what was meant is almost always --config.
            return Unknown(options, "-" + letters, NearestName.Find(letters, LongNames(options)));
        }

        foreach (var letter in letters.Where(l => l is not ('h' or '?')))
        {
            var option = Short(options, letter);
            if (option is null)
            {
                return Unknown(options, "-" + letter, null);
            }

            if (letters.Length == 1)
            {
                return Value(option, "-" + letter, inline, args, ref i);
            }
        }

        return null;
    }

    /// <summary>Whether the option has the value it needs (or, for a switch, no value but true or false).</summary>
    private static string? Value(ICommandOption option, string shown, string? inline, IReadOnlyList<string> args, ref int i)
    {
        if (option.IsFlag)
        {
            if (inline is not null && !IsBoolean(inline))
            {
                return $"takes {shown} as a switch without a value, and got '{inline}'";
            }

            if (inline is null && i + 1 < args.Count && IsBoolean(args[i + 1]))
            {
                i++;
            }

            return null;
        }

        if (!string.IsNullOrEmpty(inline))
        {
            return null;
        }

        if (inline is null && i + 1 < args.Count && !IsLongOption(args[i + 1]) && !IsShortOption(args[i + 1]) && args[i + 1] != RemainingMarker)
        {
            i++;
            return null;
        }

        return option.ValueIsOptional ? null : $"needs a value ({option.ValueName}) after {shown}";
    }

    private static string Unknown(List<ICommandOption> options, string shown, string? meant)
    {
        var known = options.Where(o => !o.IsHidden).Select(o => o.LongNames.Count > 0 ? "--" + o.LongNames[0] : "-" + o.ShortNames[0]);
        var hint = meant is not null ? $"did you mean --{meant}?" : $"its options are {string.Join(", ", known)}";
        return $"has no option {shown} ({hint})";
    }

    // The parser matches names exactly (CaseSensitivity.All, the default this app keeps), hidden commands included.
    private static ICommandInfo? FindCommand(ICommandContainer container, string word) =>
        container.Commands.FirstOrDefault(c => string.Equals(c.Name, word, StringComparison.Ordinal));

    private static ICommandOption? Short(List<ICommandOption> options, char letter) =>
        options.FirstOrDefault(o => o.ShortNames.Contains(letter.ToString(), StringComparer.Ordinal));

    private static IEnumerable<string> LongNames(List<ICommandOption> options) =>
        options.Where(o => !o.IsHidden).SelectMany(o => o.LongNames);

    // As the parser splits them: --name=value and --name:value carry their value in the same argument.
    private static (string Name, string? Value) SplitValue(string text)
    {
        var at = text.IndexOfAny(['=', ':']);
        return at < 0 ? (text, null) : (text[..at], text[(at + 1)..]);
    }

    private static bool IsLongOption(string arg) => arg.Length > 2 && arg.StartsWith(RemainingMarker, StringComparison.Ordinal);

    // A dash and a digit is a negative number, a value, as the parser reads it.
    private static bool IsShortOption(string arg) => arg.Length > 1 && arg[0] == '-' && arg[1] != '-' && !char.IsDigit(arg[1]);

    private static bool IsBoolean(string value) =>
        value.Equals("true", StringComparison.OrdinalIgnoreCase) || value.Equals("false", StringComparison.OrdinalIgnoreCase);
}
