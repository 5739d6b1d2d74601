using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>Runs code that waits on a fake clock, advancing the clock until the code completes.</summary>
internal static class Clock
{
    public static readonly DateTimeOffset Start = new(2026, 11, 27, 9, 0, 0, TimeSpan.Zero);

    public static async Task<T> RunAsync<T>(FakeTimeProvider time, Func<Task<T>> action, TimeSpan step)
    {
        var task = action();
        await AdvanceUntilDone(time, task, step);
        return await task;
    }

    public static async Task RunAsync(FakeTimeProvider time, Func<Task> action, TimeSpan step)
    {
        var task = action();
        await AdvanceUntilDone(time, task, step);
        await task;
    }

    private static async Task AdvanceUntilDone(FakeTimeProvider time, Task task, TimeSpan step)
    {
        // Each round lets pending continuations register their timers before the clock moves on.
        for (var round = 0; round < 100_000 && !task.IsCompleted; round++)
        {
            await Task.WhenAny(task, Task.Delay(1));
            time.Advance(step);
        }

        if (!task.IsCompleted)
        {
            throw new TimeoutException($"The code under test did not finish within 100000 clock steps of {step}.");
        }
    }
}
