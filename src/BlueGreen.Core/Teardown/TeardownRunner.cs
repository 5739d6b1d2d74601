using System.Globalization;

namespace BlueGreen.Core.Teardown;

/// <summary>
/// Runs teardown steps in order, journaling each, skipping those the journal shows done, and failing a step that
/// times out with a sentence naming what is left.
/// </summary>
public sealed class TeardownRunner(TeardownJournal journal, TimeProvider time, TimeSpan poll, Action<string> report)
{
    /// <summary>The step name of the record that closes a finished teardown.</summary>
    public const string CompletedStep = "teardown";

    /// <summary>Runs every step not yet done; throws <see cref="TeardownStepFailedException"/> at the first that times out.</summary>
    public async Task RunAsync(IReadOnlyList<TeardownStep> steps, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(steps);
        var records = await journal.ReadAsync(cancellationToken).ConfigureAwait(false);
        var done = records.Skip(records.ToList().FindLastIndex(r => r.Phase == TeardownPhase.Completed) + 1)
            .Where(r => r.Phase == TeardownPhase.Done)
            .Select(r => r.Step)
            .ToHashSet(StringComparer.Ordinal);
        for (var i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            var number = Invariant($"{i + 1}/{steps.Count}");
            if (done.Contains(step.Id))
            {
                report($"Step {number} {step.Id}: done before ({journal.Location}).");
                continue;
            }

            report($"Step {number} {step.Id}: {step.Description}");
            await journal.AppendAsync(new TeardownRecord(step.Id, TeardownPhase.Started, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
            if (step.Act is { } act)
            {
                await act(cancellationToken).ConfigureAwait(false);
            }

            await WaitAsync(step, number, cancellationToken).ConfigureAwait(false);
            await journal.AppendAsync(new TeardownRecord(step.Id, TeardownPhase.Done, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        }

        await journal.AppendAsync(new TeardownRecord(CompletedStep, TeardownPhase.Completed, time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
    }

    /// <summary>The steps as numbered lines, for <c>--dry-run</c>.</summary>
    public static IReadOnlyList<string> Describe(IReadOnlyList<TeardownStep> steps)
    {
        ArgumentNullException.ThrowIfNull(steps);
        return [.. steps.Select((s, i) => Invariant($"{i + 1}. {s.Id}: {s.Description} (at most {s.Timeout.TotalMinutes:0.#} min)"))];
    }

    private async Task WaitAsync(TeardownStep step, string number, CancellationToken cancellationToken)
    {
        var deadline = time.GetUtcNow() + step.Timeout;
        var left = await step.Remaining(cancellationToken).ConfigureAwait(false);
        while (left.Count > 0)
        {
            if (time.GetUtcNow() >= deadline)
            {
                throw new TeardownStepFailedException(Invariant($"Step {number} {step.Id} did not finish within {step.Timeout.TotalMinutes:0.#} min; still there: {string.Join("; ", left)}. {step.WhatToDo} Then run decommission again: it resumes at this step."));
            }

            await Task.Delay(poll, time, cancellationToken).ConfigureAwait(false);
            left = await step.Remaining(cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
