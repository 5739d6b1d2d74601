using SampleApp.Settings;

namespace SampleApp.Health;

/// <summary>
/// Warms readiness up once the server listens, and on shutdown (SIGTERM) turns readiness false and
/// keeps serving for the configured delay, so load balancers stop routing here before the server
/// stops accepting; the host then lets in-flight requests finish within its shutdown timeout.
/// </summary>
internal sealed partial class ReadinessLifecycle(
    ReadinessProbe readiness, AppSettings settings, TimeProvider time, ILogger<ReadinessLifecycle> logger)
    : IHostedLifecycleService
{
    public Task StartingAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StartedAsync(CancellationToken cancellationToken)
    {
        // The first check pays for connection set-up and JIT; do it before the first probe arrives.
        _ = Task.Run(() => readiness.CheckAsync(CancellationToken.None), CancellationToken.None);
        return Task.CompletedTask;
    }

    public async Task StoppingAsync(CancellationToken cancellationToken)
    {
        readiness.MarkShuttingDown();
        LogDraining(logger, settings.ShutdownDelay.TotalMilliseconds);
        try
        {
            await Task.Delay(settings.ShutdownDelay, time, cancellationToken);
        }
        catch (OperationCanceledException)
        {
            // The shutdown timeout ran out during the delay: stop now rather than overrun it.
        }
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public Task StoppedAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    [LoggerMessage(Level = LogLevel.Information, Message = "Shutting down: readiness is false; serving for {DelayMs} ms more before the server stops accepting")]
    private static partial void LogDraining(ILogger logger, double delayMs);
}
