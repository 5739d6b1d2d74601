using System.Text.Json.Nodes;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>One line of a rehearsal's events.jsonl: an engine event, an engine notice or a sandbox event.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Source"><c>engine</c>, <c>notice</c> or <c>sandbox</c>.</param>
/// <param name="Kind">The engine event's type, the notice's kind or the sandbox event's kind.</param>
/// <param name="Colour">The colour concerned, for sandbox events.</param>
/// <param name="Message">A sentence for people.</param>
/// <param name="Event">The engine event as the journal stores it; null for the others.</param>
public sealed record TimelineEntry(DateTimeOffset At, string Source, string Kind, string? Colour, string Message, JsonObject? Event);
