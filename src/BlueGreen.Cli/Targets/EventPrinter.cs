using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Sandbox.Rehearsal;
using Spectre.Console;

namespace BlueGreen.Cli.Targets;

/// <summary>Prints the engine's event stream: a line per event as text, or the events as JSON lines.</summary>
public sealed class EventPrinter(IAnsiConsole console, OutputFormat output) : ICutoverObserver
{
    /// <summary>The printer, then <paramref name="other"/> when there is one.</summary>
    public static IReadOnlyList<ICutoverObserver> With(IAnsiConsole console, OutputFormat output, ICutoverObserver? other) =>
        other is null ? [new EventPrinter(console, output)] : [new EventPrinter(console, output), other];

    private readonly RehearsalRecorder _recorder = new(null, (entry, _) => Print(console, output, entry));

    public void OnRecorded(JournalEntry entry, CutoverState state) => _recorder.OnRecorded(entry, state);

    public void OnNotice(EngineNotice notice) => _recorder.OnNotice(notice);

    private static void Print(IAnsiConsole console, OutputFormat output, TimelineEntry entry)
    {
        if (output == OutputFormat.Json)
        {
            console.Profile.Out.Writer.WriteLine(RehearsalRecorder.ToJsonLine(entry));
        }
        else
        {
            console.MarkupLineInterpolated($"[grey]{entry.At.UtcDateTime:HH:mm:ss.f}[/] {entry.Message}");
        }
    }
}
