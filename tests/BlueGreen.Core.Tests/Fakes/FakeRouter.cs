using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>
/// A router that holds weights in memory and records every call. With expectations given, it
/// fails on an unexpected call at once and <see cref="AssertAllExpectedCallsMade"/> fails on a missing one.
/// </summary>
internal sealed class FakeRouter(Weights initial) : ITrafficRouter
{
    private readonly Lock _gate = new();
    private readonly Queue<RouterCall> _expected = new();
    private bool _strict;

    public Weights Current { get; private set; } = initial;

    public List<RouterCall> Calls { get; } = [];

    /// <summary>Sets that are accepted but never take effect, so verification fails.</summary>
    public int SetsToIgnore { get; set; }

    /// <summary>Calls that throw, as a throttled or unreachable router would.</summary>
    public int CallsToFail { get; set; }

    /// <summary>Calls that broke the expectations; the engine may have swallowed the exception, this list keeps them.</summary>
    public List<string> Problems { get; } = [];

    /// <summary>Journal length probe, so each call is tied to the events recorded before it.</summary>
    public Func<int> JournalLength { get; set; } = () => 0;

    public void Expect(params RouterCall[] calls)
    {
        _strict = true;
        foreach (var call in calls)
        {
            _expected.Enqueue(call);
        }
    }

    public void AssertAllExpectedCallsMade()
    {
        Assert.True(Problems.Count == 0, string.Join(Environment.NewLine, Problems));
        Assert.True(_expected.Count == 0, $"Expected router calls were not made: {string.Join(", ", _expected)}");
    }

    public Task<Weights> GetWeightsAsync(CancellationToken cancellationToken)
    {
        Record(RouterCall.Get());
        return Task.FromResult(Current);
    }

    public Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        Record(RouterCall.Set(weights));
        if (SetsToIgnore > 0)
        {
            SetsToIgnore--;
        }
        else
        {
            Current = weights;
        }

        return Task.CompletedTask;
    }

    public Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken)
    {
        Record(RouterCall.Verify(expected));
        return Task.FromResult(Current.Equals(expected));
    }

    private void Record(RouterCall call)
    {
        lock (_gate)
        {
            Calls.Add(call with { JournalLength = JournalLength() });
            if (_strict)
            {
                var problem = !_expected.TryDequeue(out var expected) ? $"Unexpected router call '{call}': no more calls were expected."
                    : expected != call ? $"Unexpected router call '{call}'; expected '{expected}'."
                    : null;
                if (problem is not null)
                {
                    Problems.Add(problem);
                    throw new InvalidOperationException(problem);
                }
            }

            if (CallsToFail > 0)
            {
                CallsToFail--;
                throw new HttpRequestException("503 Service Unavailable (Throttling: Rate exceeded)");
            }
        }
    }
}
