using SampleApp.Settings;

namespace SampleApp.Hosting;

/// <summary>
/// When <see cref="AppSettings.ExitWithParentStdin"/> is on, stops the application gracefully once
/// standard input reaches its end: the parent holds the other end of the pipe, and the kernel closes
/// it however the parent dies, SIGKILL included.
/// </summary>
internal sealed partial class ParentWatchdog(
    AppSettings settings, IHostApplicationLifetime lifetime, ILogger<ParentWatchdog> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!settings.ExitWithParentStdin)
        {
            return;
        }

        // A console read may ignore cancellation, so it runs apart and shutdown never waits for it.
        var endOfInput = Task.Run(ReadToEnd, CancellationToken.None);
        await Task.WhenAny(endOfInput, Task.Delay(Timeout.Infinite, stoppingToken));
        if (!endOfInput.IsCompleted)
        {
            return;
        }

        LogParentGone(logger);
        lifetime.StopApplication();
    }

    private static void ReadToEnd()
    {
        using var input = Console.OpenStandardInput();
        var buffer = new byte[256];
        // The parent never writes; anything it does write is read and dropped.
        while (input.Read(buffer, 0, buffer.Length) > 0)
        {
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Standard input closed: the parent process is gone; shutting down")]
    private static partial void LogParentGone(ILogger logger);
}
