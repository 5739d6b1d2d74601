using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that also knows when the code under test waits on a timer, so a
/// test can advance the clock exactly to the next due time, only while that code is blocked on it.
/// </summary>
internal sealed class SteppingClock : TimeProvider
{
    public static readonly DateTimeOffset Epoch = new(2026, 3, 1, 8, 0, 0, TimeSpan.Zero);

    // Longest real time a run may take between two timers before the test fails instead of hanging.
    private static readonly TimeSpan Stall = TimeSpan.FromSeconds(30);

    private readonly FakeTimeProvider _fake = new(Epoch);
    private readonly Lock _gate = new();
    private readonly List<PendingTimer> _pending = [];
    private TaskCompletionSource _created = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public override DateTimeOffset GetUtcNow() => _fake.GetUtcNow();

    public override long GetTimestamp() => _fake.GetTimestamp();

    public override long TimestampFrequency => _fake.TimestampFrequency;

    public override TimeZoneInfo LocalTimeZone => TimeZoneInfo.Utc;

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var pending = new PendingTimer(this, GetUtcNow() + dueTime);
        pending.Inner = _fake.CreateTimer(
            s =>
            {
                pending.Finish();
                callback(s);
            },
            state,
            dueTime,
            period);
        TaskCompletionSource created;
        lock (_gate)
        {
            _pending.Add(pending);
            created = _created;
            _created = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }

        created.TrySetResult();
        return pending;
    }

    /// <summary>Moves the clock by <paramref name="by"/>, firing what falls due.</summary>
    public void Advance(TimeSpan by) => _fake.Advance(by);

    /// <summary>
    /// Starts <paramref name="run"/> on the thread pool and, each time it blocks on a timer, moves the
    /// clock to that timer's due time, until the run ends. Fails if the run neither ends nor waits.
    /// </summary>
    public async Task<T> DriveAsync<T>(Func<Task<T>> run)
    {
        var task = Task.Run(run);
        while (true)
        {
            DateTimeOffset? due = null;
            Task created;
            lock (_gate)
            {
                due = _pending.Count == 0 ? null : _pending.Min(p => p.Due);
                created = _created.Task;
            }

            if (due is { } next)
            {
                _fake.Advance(next > GetUtcNow() ? next - GetUtcNow() : TimeSpan.Zero);
                continue;
            }

            // Nothing pending: the run is working; wait until it ends or blocks on a new timer.
            var stall = Task.Delay(Stall);
            var first = await Task.WhenAny(task, created, stall);
            if (task.IsCompleted)
            {
                return await task;
            }

            if (first == stall)
            {
                throw new TimeoutException("The run neither finished nor waited on the clock within 30 s.");
            }
        }
    }

    private void Remove(PendingTimer timer)
    {
        lock (_gate)
        {
            _pending.Remove(timer);
        }
    }

    private sealed class PendingTimer(SteppingClock clock, DateTimeOffset due) : ITimer
    {
        public ITimer? Inner { get; set; }

        public DateTimeOffset Due { get; } = due;

        public void Finish() => clock.Remove(this);

        public bool Change(TimeSpan dueTime, TimeSpan period) => Inner!.Change(dueTime, period);

        public void Dispose()
        {
            clock.Remove(this);
            Inner?.Dispose();
        }

        public ValueTask DisposeAsync()
        {
            Dispose();
            return ValueTask.CompletedTask;
        }
    }
}
