using System.Globalization;
using BlueGreen.Sandbox.Rehearsal;
using Spectre.Console;

namespace BlueGreen.Cli.Sandbox;

/// <summary>The rehearsal's live table: phase, step, records, and per colour the configured and observed share, success rate and p99.</summary>
public static class LiveView
{
    public static Table Render(LiveSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var table = new Table().Border(TableBorder.Rounded)
            .Title(Markup.Escape($"{snapshot.Phase}  step {snapshot.Step}  records {snapshot.Records}"))
            .AddColumns("Colour", "Weight share", "Observed (2 s)", "Requests", "Success", "p99", "Ready");
        foreach (var colour in snapshot.Colours)
        {
            table.AddRow(
                Markup.Escape(colour.Colour),
                Percent(colour.ConfiguredShare),
                Percent(colour.ObservedShare),
                colour.Requests.ToString(CultureInfo.InvariantCulture),
                colour.Requests == 0 ? "-" : colour.SuccessRate >= 99 ? $"[green]{colour.SuccessRate:0.0} %[/]" : $"[red]{colour.SuccessRate:0.0} %[/]",
                colour.P99Ms is { } p99 ? string.Create(CultureInfo.InvariantCulture, $"{p99:0} ms") : "-",
                colour.Ready ? "yes" : "[grey]no[/]");
        }

        if (snapshot.LastVerdict is { } verdict)
        {
            table.Caption(Markup.Escape(verdict));
        }

        return table;
    }

    private static string Percent(double share) => string.Create(CultureInfo.InvariantCulture, $"{100 * share:0.0} %");
}
