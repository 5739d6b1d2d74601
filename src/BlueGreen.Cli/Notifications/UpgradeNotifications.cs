using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Notifications;
using BlueGreen.Core.Plans;
using Spectre.Console;

namespace BlueGreen.Cli.Notifications;

/// <summary>
/// The configured webhooks for one engine run: an observer per plan that queues notifications, and a flush at the
/// end so the last one (completed, rolled back) leaves before the process does. With no webhooks it does nothing.
/// </summary>
public sealed class UpgradeNotifications : IAsyncDisposable
{
    /// <summary>How long the end of a run waits for queued notifications.</summary>
    public static readonly TimeSpan FlushLimit = TimeSpan.FromSeconds(15);

    private readonly EnvironmentConfig _config;
    private readonly HttpClient? _http;
    private readonly WebhookNotifier? _notifier;

    public UpgradeNotifications(EnvironmentConfig config, IAnsiConsole console, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(console);
        _config = config;
        if (config.Notifications.Webhooks.Count == 0)
        {
            return;
        }

        _http = new HttpClient { Timeout = Timeout.InfiniteTimeSpan };
        _notifier = new WebhookNotifier(
            config.Notifications.Webhooks,
            _http,
            Environment.GetEnvironmentVariable,
            time,
            message => console.MarkupLineInterpolated($"[yellow]notification:[/] {message}"));
    }

    /// <summary>The observer that notifies of <paramref name="plan"/>'s milestones; null when nobody listens.</summary>
    public ICutoverObserver? ObserverFor(CutoverPlan plan) =>
        _notifier is null ? null : new NotifyingObserver(plan, _config.Environment, _notifier);

    /// <summary>Sends a notification outside an engine run (e.g. decommissioned).</summary>
    public void Send(Notification notification) => _notifier?.Send(notification);

    public async ValueTask DisposeAsync()
    {
        if (_notifier is not null)
        {
            await _notifier.FlushAsync(FlushLimit);
            await _notifier.DisposeAsync();
        }

        _http?.Dispose();
    }
}
