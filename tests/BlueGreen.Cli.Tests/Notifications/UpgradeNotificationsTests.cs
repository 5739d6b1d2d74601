using System.Text.Json;
using BlueGreen.Cli.Notifications;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Notifications;
using BlueGreen.Core.Plans;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests.Notifications;

public sealed class UpgradeNotificationsTests : IDisposable
{
    private readonly WebhookReceiver _receiver = new();

    public void Dispose() => _receiver.Dispose();

    [Fact]
    public async Task WithoutWebhooks_ThereIsNoObserver()
    {
        await using var notifications = new UpgradeNotifications(Config([]), new TestConsole(), TimeProvider.System);

        Assert.Null(notifications.ObserverFor(PlanFactory.Create(Config([]))));
    }

    [Fact]
    public async Task TheEndOfTheCommand_DeliversWhatIsQueued()
    {
        var config = Config([new WebhookConfig { Url = _receiver.Url }]);
        var console = new TestConsole();
        await using (var notifications = new UpgradeNotifications(config, console, TimeProvider.System))
        {
            Assert.NotNull(notifications.ObserverFor(PlanFactory.Create(config)));
            notifications.Send(new Notification(NotificationKind.Decommissioned, "test", "blue", "green", DateTimeOffset.UnixEpoch, "blue was decommissioned."));
        }

        var body = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body).RootElement;
        Assert.Equal("decommissioned", body.GetProperty("event").GetString());
        Assert.DoesNotContain("notification:", console.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AFailedDelivery_IsPrintedAsAWarning_NotThrown()
    {
        _receiver.Answers.Enqueue(400);
        var console = new TestConsole().Width(300);
        var config = Config([new WebhookConfig { Url = _receiver.Url }]);
        await using (var notifications = new UpgradeNotifications(config, console, TimeProvider.System))
        {
            notifications.Send(new Notification(NotificationKind.Started, "test", "blue", "green", DateTimeOffset.UnixEpoch, "started."));
        }

        Assert.Contains("notification: The webhook http://127.0.0.1:", console.Output, StringComparison.Ordinal);
        Assert.Contains("answered 400", console.Output, StringComparison.Ordinal);
    }

    private static EnvironmentConfig Config(IReadOnlyList<WebhookConfig> hooks)
    {
        var loaded = ConfigLoader.Load(CliRunner.DefaultConfigPath, TimeProvider.System);
        return loaded.Config! with { Notifications = new NotificationsConfig { Webhooks = hooks } };
    }
}
