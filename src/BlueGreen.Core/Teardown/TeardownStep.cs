namespace BlueGreen.Core.Teardown;

/// <summary>
/// One step of a colour's teardown: an idempotent action, then a wait until nothing it is about is left.
/// Each step can run again after a crash: the action repeats harmlessly and the wait sees what is already gone.
/// </summary>
/// <param name="Id">A stable id, the key of the step in the teardown journal.</param>
/// <param name="Description">What the step does, as a sentence.</param>
/// <param name="Timeout">How long the wait may take before the step fails naming what is left.</param>
/// <param name="Act">The action; null for a step that only waits.</param>
/// <param name="Remaining">What is still there, each as a phrase; empty when the step is done.</param>
/// <param name="WhatToDo">What the operator can do when the step times out.</param>
public sealed record TeardownStep(
    string Id,
    string Description,
    TimeSpan Timeout,
    Func<CancellationToken, Task>? Act,
    Func<CancellationToken, Task<IReadOnlyList<string>>> Remaining,
    string WhatToDo);
