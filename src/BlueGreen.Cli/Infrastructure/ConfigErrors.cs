using BlueGreen.Core.Configuration;
using Spectre.Console;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Prints configuration errors as text (one line each, compiler style) or as JSON.</summary>
public static class ConfigErrors
{
    public static void Write(IAnsiConsole console, OutputFormat output, IReadOnlyList<ConfigError> errors)
    {
        if (output == OutputFormat.Json)
        {
            JsonOutput.Write(console, new
            {
                ok = false,
                errors = errors.Select(e => new { e.File, e.Line, e.Column, path = e.KeyPath, e.Message, e.Hint }),
            });
            return;
        }

        foreach (var error in errors)
        {
            console.MarkupLineInterpolated($"[red]error[/] {error.ToString()}");
        }

        console.MarkupLineInterpolated($"[red]{errors.Count} error(s) in {errors[0].File}; nothing was changed.[/]");
    }
}
