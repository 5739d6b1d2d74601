namespace BlueGreen.Core.Gates;

/// <summary>A check beyond the metrics that judges the candidate every interval, such as the team's alarms.</summary>
public interface IGateCheck
{
    /// <summary>What is wrong with the check itself (an alarm that does not exist), asked before any traffic moves; empty when it can run.</summary>
    Task<IReadOnlyList<string>> ProblemsAsync(CancellationToken cancellationToken);

    /// <summary>The check's reading for the interval [<paramref name="start"/>, <paramref name="end"/>).</summary>
    Task<GateReading> EvaluateAsync(DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken);
}
