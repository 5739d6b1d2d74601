namespace BlueGreen.Core.Plans;

/// <summary>One step of a traffic plan. Closed hierarchy: a step is exactly one of the kinds below.</summary>
public abstract record PlanStep
{
    private protected PlanStep()
    {
    }
}

/// <summary>Give the candidate <paramref name="Percent"/> % of traffic, then bake for <paramref name="Bake"/> under the gates.</summary>
public sealed record SetShareStep(int Percent, TimeSpan Bake) : PlanStep;

/// <summary>Hold the current weights for a fixed time (gates still run).</summary>
public sealed record TimedPauseStep(TimeSpan Duration) : PlanStep;

/// <summary>Hold until an operator resumes.</summary>
public sealed record ApprovalStep(string Reason) : PlanStep;
