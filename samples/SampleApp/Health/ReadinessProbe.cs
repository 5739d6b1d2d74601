using SampleApp.Http;

namespace SampleApp.Health;

/// <summary>
/// Readiness: the table answers. The answer is reused for a short while so frequent probes from
/// several load balancers cost the database one call; a failed request or shutdown turns it false at once.
/// </summary>
internal sealed class ReadinessProbe(
    Func<CancellationToken, Task<string?>> checkTable, TimeProvider time, TimeSpan cacheFor, TimeSpan checkTimeout, string tableName)
    : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Observation? _last;
    private volatile bool _shuttingDown;

    public bool IsShuttingDown => _shuttingDown;

    public void MarkShuttingDown() => _shuttingDown = true;

    /// <summary>Records a failure seen by a request, so readiness is false until a fresh check passes.</summary>
    public void ReportFailure(string reason) => _last = new Observation(ReadinessResult.NotReady(reason), time.GetUtcNow());

    public async Task<ReadinessResult> CheckAsync(CancellationToken cancellationToken)
    {
        if (_shuttingDown)
        {
            return ReadinessResult.NotReady("shutting down");
        }

        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Callers that queued behind a check reuse its answer.
            if (Fresh() is { } justChecked)
            {
                return justChecked;
            }

            var result = await AskTableAsync(cancellationToken);
            _last = new Observation(result, time.GetUtcNow());
            return _shuttingDown ? ReadinessResult.NotReady("shutting down") : result;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private ReadinessResult? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < cacheFor ? last.Result : null;

    private async Task<ReadinessResult> AskTableAsync(CancellationToken cancellationToken)
    {
        using var timeout = new CancellationTokenSource(checkTimeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            return await checkTable(linked.Token) is { } reason ? ReadinessResult.NotReady(reason) : ReadinessResult.Ready;
        }
        catch (Exception error) when (!cancellationToken.IsCancellationRequested && DatabaseFailures.IsDatabaseFailure(error))
        {
            return ReadinessResult.NotReady(DatabaseFailures.Describe(error, tableName));
        }
    }

    private sealed record Observation(ReadinessResult Result, DateTimeOffset At);
}
