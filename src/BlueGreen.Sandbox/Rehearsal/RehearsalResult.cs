using BlueGreen.Core.Engine;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>How a rehearsal ended, its summary and where its report is.</summary>
public sealed record RehearsalResult(CutoverOutcome Outcome, RehearsalSummary Summary, string ReportDirectory, IReadOnlyList<int> ChildProcessIds);
