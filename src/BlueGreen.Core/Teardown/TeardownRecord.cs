namespace BlueGreen.Core.Teardown;

/// <summary>One line of the teardown journal: a step started or finished.</summary>
/// <param name="Step">The step's <see cref="TeardownStep.Id"/>.</param>
/// <param name="Phase">Where the step got to.</param>
/// <param name="At">When.</param>
public sealed record TeardownRecord(string Step, TeardownPhase Phase, DateTimeOffset At);
