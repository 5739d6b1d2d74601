namespace BlueGreen.Core.Configuration;

/// <summary>Who hears about an upgrade: webhooks called on its milestones.</summary>
public sealed record NotificationsConfig
{
    public IReadOnlyList<WebhookConfig> Webhooks { get; init; } = [];
}

/// <summary>One receiver of notifications.</summary>
public sealed record WebhookConfig
{
    /// <summary>Where the POST goes: an absolute http or https URL.</summary>
    public required string Url { get; init; }

    public WebhookFormat Format { get; init; } = WebhookFormat.Json;

    /// <summary>The environment variable holding the shared secret that signs each body (HMAC-SHA256); unsigned when null.</summary>
    public string? SecretEnv { get; init; }

    /// <summary>The notification kinds this receiver wants, by their names; every kind when empty.</summary>
    public IReadOnlyList<string> Events { get; init; } = [];
}

/// <summary>The body a webhook receives.</summary>
public enum WebhookFormat
{
    /// <summary>BlueGreen's documented JSON document.</summary>
    Json,

    /// <summary>A Slack incoming webhook's <c>{"text": ...}</c>.</summary>
    Slack,
}
