using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>A gate check whose readings come from a function of the interval; records every interval asked.</summary>
internal sealed class ScriptedCheck : IGateCheck
{
    public static readonly GateReading Ok = new(GateVerdict.Pass, IntervalMetrics.Empty, "the alarm 'web-5xx' is OK") { Source = "alarms" };
    public static readonly GateReading Alarm = new(GateVerdict.Fail, IntervalMetrics.Empty, "the alarm 'web-5xx' is in ALARM (Threshold Crossed)") { Source = "alarms", RollBackAtOnce = true };
    public static readonly GateReading InsufficientData = new(GateVerdict.Inconclusive, IntervalMetrics.Empty, "the alarm 'web-5xx' is INSUFFICIENT_DATA") { Source = "alarms" };

    public Func<DateTimeOffset, GateReading> Script { get; set; } = _ => Ok;

    public List<string> Problems { get; } = [];

    public List<DateTimeOffset> Asked { get; } = [];

    public Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<string>>(Problems);

    public Task<GateReading> EvaluateAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        Asked.Add(start);
        return Task.FromResult(Script(start));
    }
}
