using System.Text.Json;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Notifications;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Notifications;

/// <summary>Notifications from a whole engine run to a real receiver on loopback: order, body, signature, retries, and never holding up the upgrade.</summary>
public sealed class WebhookNotifierTests : IDisposable
{
    private const string Secret = "s3cr3t-for-tests";
    private static readonly WebhookDeliveryOptions Quick = new() { Attempts = 3, FirstRetryDelay = TimeSpan.FromMilliseconds(20), AttemptTimeout = TimeSpan.FromSeconds(10) };
    private static readonly TimeSpan Flush = TimeSpan.FromSeconds(60);

    private readonly WebhookReceiver _receiver = new();
    private readonly HttpClient _http = new() { Timeout = Timeout.InfiniteTimeSpan };
    private readonly List<string> _reports = [];

    public void Dispose()
    {
        _http.Dispose();
        _receiver.Dispose();
    }

    [Fact]
    public async Task ACompletedUpgrade_NotifiesStartedEachStepAndCompleted_InOrder_Signed()
    {
        var harness = new EngineHarness();
        await using var notifier = Notifier(Hook(secretEnv: "HOOK_SECRET"));

        var outcome = await RunAsync(harness, notifier);

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(0, await notifier.FlushAsync(Flush));
        var received = _receiver.Requests.ToList();
        Assert.Equal(["started", "stepBaked", "stepBaked", "stepBaked", "completed"], received.Select(r => r.Headers[WebhookNotifier.EventHeader]));
        var bodies = received.Select(r => JsonDocument.Parse(r.Body).RootElement).ToList();
        Assert.Equal([10, 50, 100], bodies.Where(b => b.GetProperty("event").GetString() == "stepBaked").Select(b => b.GetProperty("percent").GetInt32()));
        Assert.Equal([1, 2, 3], bodies.Where(b => b.GetProperty("event").GetString() == "stepBaked").Select(b => b.GetProperty("step").GetInt32()));
        Assert.All(bodies, b => Assert.Equal("test", b.GetProperty("environment").GetString()));
        Assert.All(bodies, b => Assert.Equal("green", b.GetProperty("to").GetString()));
        Assert.Single(bodies.Select(b => b.GetProperty("upgradeId").GetString()).Distinct());
        foreach (var request in received)
        {
            Assert.Equal("POST", request.Method);
            var expected = WebhookNotifier.Signature(Secret, request.Headers[WebhookNotifier.TimestampHeader], request.Body);
            Assert.Equal(expected, request.Headers[WebhookNotifier.SignatureHeader]);
            Assert.NotEqual(WebhookNotifier.Signature("another secret", request.Headers[WebhookNotifier.TimestampHeader], request.Body), request.Headers[WebhookNotifier.SignatureHeader]);
        }

        Assert.Empty(_reports);
    }

    [Fact]
    public async Task ARollback_IsNotified_WithItsReason()
    {
        var harness = new EngineHarness();
        harness.Metrics.Script = q => q.Colour == "green" && harness.Router.Current["green"] >= 50 ? ScriptedMetrics.Failing : ScriptedMetrics.Healthy;
        await using var notifier = Notifier(Hook(events: ["rolledBack"]));

        var outcome = await RunAsync(harness, notifier);
        await notifier.FlushAsync(Flush);

        Assert.Equal(OutcomeKind.RolledBack, outcome.Kind);
        var request = Assert.Single(_receiver.Requests);
        var body = JsonDocument.Parse(request.Body).RootElement;
        Assert.Equal("rolledBack", body.GetProperty("event").GetString());
        Assert.Equal(0, body.GetProperty("percent").GetInt32());
        Assert.Contains("success rate", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
        Assert.Contains("all traffic is on blue again", body.GetProperty("summary").GetString(), StringComparison.Ordinal);
        Assert.False(request.Headers.ContainsKey(WebhookNotifier.SignatureHeader));
    }

    [Fact]
    public async Task AnApprovalPause_IsNotified()
    {
        var harness = new EngineHarness(EngineHarness.DefaultPlan(EngineHarness.Share(10), new ApprovalStep("check the dashboards"), EngineHarness.Share(100)));
        harness.Options = harness.Options with { StopWhenPaused = true };
        await using var notifier = Notifier(Hook(events: ["paused"]));

        var outcome = await RunAsync(harness, notifier);
        await notifier.FlushAsync(Flush);

        Assert.Equal(OutcomeKind.Paused, outcome.Kind);
        var body = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body).RootElement;
        Assert.Equal(10, body.GetProperty("percent").GetInt32());
        Assert.Contains("check the dashboards", body.GetProperty("reason").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task A5xx_IsRetried_WithTheSameDeliveryId_UntilTaken()
    {
        _receiver.Answers.Enqueue(503);
        _receiver.Answers.Enqueue(500);
        await using var notifier = Notifier(Hook());

        notifier.Send(Sample(NotificationKind.Completed));
        await notifier.FlushAsync(Flush);

        var received = _receiver.Requests.ToList();
        Assert.Equal(3, received.Count);
        Assert.Single(received.Select(r => r.Headers[WebhookNotifier.DeliveryHeader]).Distinct());
        Assert.Equal(1, notifier.Delivered);
        Assert.Empty(_reports);
    }

    [Fact]
    public async Task AReceiverThatKeepsFailing_IsReported_AndTheUpgradeStillCompletes()
    {
        for (var i = 0; i < 100; i++)
        {
            _receiver.Answers.Enqueue(500);
        }

        var harness = new EngineHarness();
        await using var notifier = Notifier(Hook());

        var outcome = await RunAsync(harness, notifier);
        await notifier.FlushAsync(Flush);

        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        Assert.Equal(5 * Quick.Attempts, _receiver.Requests.Count);
        Assert.Equal(5, _reports.Count);
        Assert.All(_reports, r => Assert.Contains("answered 500", r, StringComparison.Ordinal));
        Assert.All(_reports, r => Assert.DoesNotContain("/hook", r, StringComparison.Ordinal));
        Assert.Equal(5, notifier.Failed);
    }

    [Fact]
    public async Task A4xx_IsNotRetried()
    {
        _receiver.Answers.Enqueue(404);
        await using var notifier = Notifier(Hook());

        notifier.Send(Sample(NotificationKind.Started));
        await notifier.FlushAsync(Flush);

        Assert.Single(_receiver.Requests);
        Assert.Contains("answered 404", Assert.Single(_reports), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AHangingReceiver_DoesNotHoldUpTheEngine_AndIsReportedAfterItsTimeout()
    {
        _receiver.Delay = TimeSpan.FromSeconds(30);
        var harness = new EngineHarness();
        await using var notifier = Notifier(Hook(), Quick with { Attempts = 1, AttemptTimeout = TimeSpan.FromMilliseconds(300) });

        var outcome = await RunAsync(harness, notifier);

        // The whole engine run finished while the first notification was still waiting for its answer.
        Assert.Equal(OutcomeKind.Completed, outcome.Kind);
        await notifier.FlushAsync(Flush);
        Assert.Equal(5, _reports.Count);
        Assert.All(_reports, r => Assert.Contains("did not answer within 300ms", r, StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnUnreachableReceiver_IsReported()
    {
        var closed = $"http://127.0.0.1:{WebhookReceiver.FreePort()}/nobody";
        await using var notifier = Notifier(new WebhookConfig { Url = closed });

        notifier.Send(Sample(NotificationKind.Started));
        await notifier.FlushAsync(Flush);

        Assert.Contains("could not be reached", Assert.Single(_reports), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AMissingSecret_SendsNothingUnsigned_AndSaysWhichVariable()
    {
        await using var notifier = Notifier(Hook(secretEnv: "UNSET_SECRET"));

        notifier.Send(Sample(NotificationKind.Started));
        await notifier.FlushAsync(Flush);

        Assert.Empty(_receiver.Requests);
        Assert.Contains("$UNSET_SECRET", Assert.Single(_reports), StringComparison.Ordinal);
    }

    [Fact]
    public async Task SlackFormat_PostsText()
    {
        await using var notifier = Notifier(Hook(format: WebhookFormat.Slack));

        notifier.Send(Sample(NotificationKind.RolledBack));
        await notifier.FlushAsync(Flush);

        var body = JsonDocument.Parse(Assert.Single(_receiver.Requests).Body).RootElement;
        Assert.Equal(["text"], body.EnumerateObject().Select(p => p.Name));
        Assert.Equal("bluegreen test: it happened.", body.GetProperty("text").GetString());
    }

    [Fact]
    public async Task EventsFilter_SendsOnlyTheNamedKinds()
    {
        await using var notifier = Notifier(Hook(events: ["completed", "decommissioned"]));

        foreach (var kind in Enum.GetValues<NotificationKind>())
        {
            notifier.Send(Sample(kind));
        }

        await notifier.FlushAsync(Flush);

        Assert.Equal(["completed", "decommissioned"], _receiver.Requests.Select(r => r.Headers[WebhookNotifier.EventHeader]));
    }

    [Fact]
    public void Signature_IsHmacSha256OfTimestampDotBody()
    {
        // Computed independently: printf '1700000000.{}' | openssl dgst -sha256 -hmac key
        Assert.Equal("sha256=9d713ed406bb7076d4123f0dc2c39d2df5c654ed4b0cd56b52c8b4c940bd63ae", WebhookNotifier.Signature("key", "1700000000", "{}"));
    }

    private static Notification Sample(NotificationKind kind) => new(kind, "test", "blue", "green", DateTimeOffset.UnixEpoch, "it happened.");

    private WebhookConfig Hook(string? secretEnv = null, IReadOnlyList<string>? events = null, WebhookFormat format = WebhookFormat.Json) =>
        new() { Url = _receiver.Url, SecretEnv = secretEnv, Events = events ?? [], Format = format };

    private WebhookNotifier Notifier(WebhookConfig hook, WebhookDeliveryOptions? options = null) =>
        new([hook], _http, name => name == "HOOK_SECRET" ? Secret : null, TimeProvider.System, message => { lock (_reports) { _reports.Add(message); } }, options ?? Quick);

    private static Task<CutoverOutcome> RunAsync(EngineHarness harness, WebhookNotifier notifier)
    {
        var services = harness.Services() with { Observers = [harness.Observer, new NotifyingObserver(harness.Plan, "test", notifier)] };
        return harness.Clock.DriveAsync(() => new CutoverEngine(harness.Plan, services, harness.Options).RunAsync(CancellationToken.None));
    }
}
