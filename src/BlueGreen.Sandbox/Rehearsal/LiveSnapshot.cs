namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>What the live view shows: the engine's phase and step, the records, and each colour's recent traffic.</summary>
public sealed record LiveSnapshot(string Phase, string Step, string Records, IReadOnlyList<LiveColour> Colours, string? LastVerdict);

/// <summary>One colour's configured and observed share, success rate and p99 over the last seconds.</summary>
public sealed record LiveColour(string Colour, double ConfiguredShare, double ObservedShare, long Requests, double SuccessRate, double? P99Ms, bool Ready);
