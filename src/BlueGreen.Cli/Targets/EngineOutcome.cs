using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Engine;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>How an upgrade's end is reported on every target: a line (or a JSON object) and the exit code.</summary>
public static class EngineOutcome
{
    /// <summary>Prints <paramref name="outcome"/> and returns its exit code: 0 completed, 3 rolled back or aborted, 1 otherwise.</summary>
    public static int Report(IAnsiConsole console, OutputFormat output, CutoverOutcome outcome)
    {
        ArgumentNullException.ThrowIfNull(console);
        ArgumentNullException.ThrowIfNull(outcome);
        var code = OutcomeExitCodes.Of(outcome.Kind);
        if (output == OutputFormat.Json)
        {
            JsonOutput.WriteLine(console, new { outcome = outcome.Kind, reason = outcome.Reason, exitCode = code });
        }
        else
        {
            console.MarkupLineInterpolated($"[{(code == 0 ? "green" : "red")}]{outcome.Kind}[/]: {outcome.Reason}");
        }

        return code;
    }
}
