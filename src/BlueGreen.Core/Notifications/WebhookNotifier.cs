using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Threading.Channels;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Notifications;

/// <summary>How hard a webhook delivery tries.</summary>
public sealed record WebhookDeliveryOptions
{
    /// <summary>Attempts per notification and receiver, the first included.</summary>
    public int Attempts { get; init; } = 4;

    /// <summary>The wait before the second attempt; it doubles before each further one.</summary>
    public TimeSpan FirstRetryDelay { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>How long one attempt may take.</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromSeconds(5);
}

/// <summary>
/// Posts notifications to the configured webhooks, in order, from a background loop: <see cref="Send"/> only queues,
/// so a slow or failing receiver never holds up or fails the upgrade. Each body is signed when the receiver has a
/// secret (<c>X-BlueGreen-Signature: sha256=HMAC(secret, timestamp + "." + body)</c>). Network errors, timeouts, 429
/// and 5xx are retried with doubling waits; a receiver that still does not take it is reported, never thrown.
/// </summary>
public sealed class WebhookNotifier : INotificationSink, IAsyncDisposable
{
    public const string EventHeader = "X-BlueGreen-Event";
    public const string DeliveryHeader = "X-BlueGreen-Delivery";
    public const string TimestampHeader = "X-BlueGreen-Timestamp";
    public const string SignatureHeader = "X-BlueGreen-Signature";

    private static readonly JsonSerializerOptions BodyOptions = new(JsonSerializerDefaults.Web)
    {
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    private readonly IReadOnlyList<WebhookConfig> _hooks;
    private readonly HttpClient _http;
    private readonly Func<string, string?> _environment;
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private readonly WebhookDeliveryOptions _options;
    private readonly Channel<(WebhookConfig Hook, Notification Notification, string Delivery)> _queue =
        Channel.CreateUnbounded<(WebhookConfig, Notification, string)>(new UnboundedChannelOptions { SingleReader = true });

    private readonly CancellationTokenSource _stop = new();
    private readonly Task _worker;
    private int _delivered;
    private int _failed;

    public WebhookNotifier(IReadOnlyList<WebhookConfig> hooks, HttpClient http, Func<string, string?> environment, TimeProvider time, Action<string> report, WebhookDeliveryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(hooks);
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(report);
        _hooks = hooks;
        _http = http;
        _environment = environment;
        _time = time;
        _report = report;
        _options = options ?? new WebhookDeliveryOptions();
        _worker = Task.Run(DeliverAllAsync);
    }

    /// <summary>Notifications every receiver took.</summary>
    public int Delivered => Volatile.Read(ref _delivered);

    /// <summary>Deliveries given up on (reported).</summary>
    public int Failed => Volatile.Read(ref _failed);

    public void Send(Notification notification)
    {
        ArgumentNullException.ThrowIfNull(notification);
        var name = NotificationKinds.NameOf(notification.Kind);
        var delivery = Guid.NewGuid().ToString("N");
        foreach (var hook in _hooks.Where(h => h.Events.Count == 0 || h.Events.Contains(name, StringComparer.Ordinal)))
        {
            _queue.Writer.TryWrite((hook, notification, delivery));
        }
    }

    /// <summary>Waits up to <paramref name="limit"/> for what is queued to be delivered (or given up on); returns how many deliveries were still pending.</summary>
    public async Task<int> FlushAsync(TimeSpan limit)
    {
        _queue.Writer.TryComplete();
        var finished = await Task.WhenAny(_worker, Task.Delay(limit, _time)).ConfigureAwait(false) == _worker;
        if (finished)
        {
            return 0;
        }

        await _stop.CancelAsync().ConfigureAwait(false);
        var pending = _queue.Reader.Count + 1;
        _report($"{pending} notification(s) were not delivered within {Configuration.Duration.Format(limit)} and were dropped.");
        return pending;
    }

    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _stop.CancelAsync().ConfigureAwait(false);
        try
        {
            await _worker.ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
        }

        _stop.Dispose();
    }

    /// <summary>The body <paramref name="format"/> receives for <paramref name="notification"/>.</summary>
    public static string Body(Notification notification, WebhookFormat format)
    {
        ArgumentNullException.ThrowIfNull(notification);
        return format == WebhookFormat.Slack
            ? JsonSerializer.Serialize(new { text = $"bluegreen {notification.Environment}: {notification.Summary}" }, BodyOptions)
            : JsonSerializer.Serialize(
                new
                {
                    @event = NotificationKinds.NameOf(notification.Kind),
                    environment = notification.Environment,
                    from = notification.From,
                    to = notification.To,
                    at = notification.At.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture),
                    upgradeId = notification.UpgradeId,
                    step = notification.Step,
                    percent = notification.Percent,
                    reason = notification.Reason,
                    summary = notification.Summary,
                },
                BodyOptions);
    }

    /// <summary>The signature header's value: <c>sha256=</c> and the hex HMAC-SHA256 of <c>timestamp.body</c> under <paramref name="secret"/>.</summary>
    public static string Signature(string secret, string timestamp, string body)
    {
        ArgumentNullException.ThrowIfNull(secret);
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{timestamp}.{body}"));
        return "sha256=" + Convert.ToHexStringLower(mac);
    }

    /// <summary>The receiver's address without its path: Slack's URLs carry their secret there.</summary>
    public static string Redacted(string url) =>
        Uri.TryCreate(url, UriKind.Absolute, out var uri) ? $"{uri.Scheme}://{uri.Authority}/..." : "(an invalid URL)";

    private async Task DeliverAllAsync()
    {
        try
        {
            await foreach (var (hook, notification, delivery) in _queue.Reader.ReadAllAsync(_stop.Token).ConfigureAwait(false))
            {
                if (await DeliverAsync(hook, notification, delivery, _stop.Token).ConfigureAwait(false))
                {
                    Interlocked.Increment(ref _delivered);
                }
                else
                {
                    Interlocked.Increment(ref _failed);
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
        }
    }

    private async Task<bool> DeliverAsync(WebhookConfig hook, Notification notification, string delivery, CancellationToken cancellationToken)
    {
        var name = NotificationKinds.NameOf(notification.Kind);
        string? secret = null;
        if (hook.SecretEnv is { } variable && string.IsNullOrEmpty(secret = _environment(variable)))
        {
            _report($"The webhook {Redacted(hook.Url)} is to be signed with the secret in ${variable}, which is not set: the '{name}' notification was not sent. Set it, or remove secretEnv.");
            return false;
        }

        var body = Body(notification, hook.Format);
        var delay = _options.FirstRetryDelay;
        var last = string.Empty;
        for (var attempt = 1; attempt <= _options.Attempts; attempt++)
        {
            if (attempt > 1)
            {
                await Task.Delay(delay, _time, cancellationToken).ConfigureAwait(false);
                delay += delay;
            }

            using var request = new HttpRequestMessage(HttpMethod.Post, hook.Url) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
            var timestamp = _time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
            request.Headers.Add(EventHeader, name);
            request.Headers.Add(DeliveryHeader, delivery);
            request.Headers.Add(TimestampHeader, timestamp);
            if (secret is not null)
            {
                request.Headers.Add(SignatureHeader, Signature(secret, timestamp, body));
            }

            using var attemptTimeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            attemptTimeout.CancelAfter(_options.AttemptTimeout);
            try
            {
                using var response = await _http.SendAsync(request, attemptTimeout.Token).ConfigureAwait(false);
                if (response.IsSuccessStatusCode)
                {
                    return true;
                }

                last = string.Create(CultureInfo.InvariantCulture, $"it answered {(int)response.StatusCode} {response.ReasonPhrase}");
                if (!Retryable(response.StatusCode))
                {
                    break;
                }
            }
            catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                last = $"it did not answer within {Configuration.Duration.Format(_options.AttemptTimeout)}";
            }
            catch (HttpRequestException e)
            {
                last = $"it could not be reached ({Text.Sentences.Clause(e.Message)})";
            }
        }

        _report($"The webhook {Redacted(hook.Url)} did not take the '{name}' notification: {last}. The upgrade goes on.");
        return false;
    }

    private static bool Retryable(HttpStatusCode status) => status == HttpStatusCode.TooManyRequests || (int)status >= 500;
}
