using System.Reflection;
using BlueGreen.Cli.Infrastructure;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Arguments;

/// <summary>Refuses, before the command is created, what the parser let through without reading it: anything after "--", and a value it filled in itself.</summary>
public sealed class ArgumentGuard : ICommandInterceptor
{
    // Spectre.Console.Cli (0.57) retries an argument list it cannot parse in strict mode with the name of its
    // default command inserted at every position, even in an app without one; an option whose value is missing
    // (validate --config) then parses with this name as the value.
    private const string InsertedByParser = "__default_command";

    // The parser always reads a lone "--" as the start of the remaining arguments; no command reads those.
    private const string RemainingMarker = "--";

    public void Intercept(CommandContext context, CommandSettings settings)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(settings);

        var inserted = !context.Arguments.Contains(InsertedByParser) && BoundValues(settings).Contains(InsertedByParser);
        if (inserted || context.Arguments.Contains(RemainingMarker))
        {
            throw new UserInputException(ArgumentDiagnosis.Describe(CommandModelReader.Read(Routes.Configure), context.Arguments, parserMessage: null));
        }
    }

    private static IEnumerable<string> BoundValues(CommandSettings settings) =>
        settings.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => p.GetIndexParameters().Length == 0)
            .Select(p => p.GetValue(settings))
            .SelectMany(value => value switch
            {
                string one => [one],
                IEnumerable<string> many => many,
                _ => [],
            });
}
