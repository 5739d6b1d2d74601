namespace BlueGreen.Core.Engine;

/// <summary>Something the engine reports that is not a recorded event: warnings, resumption, ignored requests.</summary>
/// <param name="Kind">What kind of notice.</param>
/// <param name="Message">The notice in words.</param>
/// <param name="At">When, by the engine's clock.</param>
public sealed record EngineNotice(NoticeKind Kind, string Message, DateTimeOffset At);

/// <summary>Kinds of <see cref="EngineNotice"/>.</summary>
public enum NoticeKind
{
    /// <summary>Something was found and handled (a torn journal line) or went wrong and is retried.</summary>
    Warning,

    /// <summary>The engine picked up an upgrade in progress from its journal.</summary>
    Resumed,

    /// <summary>On resume, the engine set the weights the journal says are in effect again.</summary>
    WeightsReasserted,

    /// <summary>An operator request had no effect; the message says why.</summary>
    RequestIgnored,
}
