using BlueGreen.Core.Clusters;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Operators;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Bench.Engine;

/// <summary>Router, metrics, probe, lock and inbox in memory, answering at once, so only the engine's own work is measured.</summary>
internal sealed class InMemoryWorld(Weights initial) : ITrafficRouter, IMetricSource, IClusterProbe, ILock, IOperatorInbox
{
    // With a latency histogram, as the sandbox and the HTTP probes answer, so the rank test against live runs too.
    private static readonly IntervalMetrics Healthy = new(500, 1, TimeSpan.FromMilliseconds(80))
    {
        Latencies = LatencyHistogram.Of(Enumerable.Range(0, 500).Select(i => TimeSpan.FromMilliseconds(20 + (i % 61)))),
    };
    private Weights _weights = initial;

    public Task<Weights> GetWeightsAsync(CancellationToken cancellationToken) => Task.FromResult(_weights);

    public Task SetWeightsAsync(Weights weights, CancellationToken cancellationToken)
    {
        _weights = weights;
        return Task.CompletedTask;
    }

    public Task<bool> VerifyWeightsAsync(Weights expected, CancellationToken cancellationToken) => Task.FromResult(_weights.Equals(expected));

    public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) => Task.FromResult(Healthy);

    public Task<ClusterReadiness> CheckAsync(string colour, CancellationToken cancellationToken) => Task.FromResult(ClusterReadiness.Yes);

    public Task<LockInfo> AcquireAsync(LockHolder holder, TimeSpan ttl, CancellationToken cancellationToken) =>
        Task.FromResult(new LockInfo("bench", holder, DateTimeOffset.MinValue, DateTimeOffset.MinValue, DateTimeOffset.MaxValue));

    public Task<LockInfo> RenewAsync(LockInfo held, TimeSpan ttl, CancellationToken cancellationToken) => Task.FromResult(held);

    public Task ReleaseAsync(LockInfo held, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<LockInfo?> ReadAsync(CancellationToken cancellationToken) => Task.FromResult<LockInfo?>(null);

    public Task ForceUnlockAsync(string lockId, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken) => Task.CompletedTask;

    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken) => Task.FromResult<IReadOnlyList<OperatorRequest>>([]);

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken) => Task.CompletedTask;
}
