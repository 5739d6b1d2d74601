using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

public sealed class NotificationRulesTests
{
    private const string Anchor = "sandbox:\n";

    [Fact]
    public void NoNotificationsSection_MeansNoWebhooks()
    {
        var config = TestConfig.Parse(TestConfig.DefaultYaml).Config!;

        Assert.Empty(config.Notifications.Webhooks);
    }

    [Fact]
    public void Reads_Webhooks_WithFormatSecretAndEvents()
    {
        var config = TestConfig.Parse(WithNotifications("""
            notifications:
              webhooks:
                - url: https://ops.example.com/bluegreen
                  secretEnv: BLUEGREEN_WEBHOOK_SECRET
                  events: [started, rolledBack, completed]
                - url: https://hooks.slack.com/services/T000/B000/XXXX
                  format: slack
            """)).Config!;

        var hooks = config.Notifications.Webhooks;
        Assert.Equal(2, hooks.Count);
        Assert.Equal(WebhookFormat.Json, hooks[0].Format);
        Assert.Equal("BLUEGREEN_WEBHOOK_SECRET", hooks[0].SecretEnv);
        Assert.Equal(["started", "rolledBack", "completed"], hooks[0].Events);
        Assert.Equal(WebhookFormat.Slack, hooks[1].Format);
        Assert.Empty(hooks[1].Events);
    }

    [Fact]
    public void Rejects_AnUnknownEvent_AtItsPosition_NamingTheKnownOnes()
    {
        var yaml = WithNotifications("""
            notifications:
              webhooks:
                - url: https://ops.example.com/bluegreen
                  events: [started, finished]
            """);

        var error = TestConfig.SingleError(yaml);

        Assert.Equal("notifications.webhooks[0].events[1]", error.KeyPath);
        Assert.Equal(TestConfig.LineOf(yaml, "events: [started, finished]"), error.Line);
        Assert.Equal("'finished' is not a notification.", error.Message);
        Assert.Contains("stepBaked", error.Hint, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ops.example.com/bluegreen")]
    [InlineData("ftp://ops.example.com/bluegreen")]
    [InlineData("https://")]
    public void Rejects_AUrlThatIsNotHttp(string url)
    {
        var error = TestConfig.SingleError(WithNotifications($"""
            notifications:
              webhooks:
                - url: {url}
            """));

        Assert.Equal("notifications.webhooks[0].url", error.KeyPath);
        Assert.Contains("is not an http or https URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ASecretWrittenInsteadOfItsVariablesName()
    {
        var error = TestConfig.SingleError(WithNotifications("""
            notifications:
              webhooks:
                - url: https://ops.example.com/bluegreen
                  secretEnv: "hunter2!"
            """));

        Assert.Equal("notifications.webhooks[0].secretEnv", error.KeyPath);
        Assert.Contains("never write the secret itself", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_AMissingUrl_AndUnknownKeys_WithAHint()
    {
        var result = TestConfig.Parse(WithNotifications("""
            notifications:
              webhooks:
                - formt: slack
            """));

        Assert.Null(result.Config);
        Assert.Contains(result.Errors, e => e.KeyPath == "notifications.webhooks[0].url");
        Assert.Contains(result.Errors, e => e.KeyPath == "notifications.webhooks[0].formt" && e.Hint!.Contains("format", StringComparison.Ordinal));
    }

    [Fact]
    public void Rejects_AWebhookThatIsNotAMapping()
    {
        var error = TestConfig.SingleError(WithNotifications("""
            notifications:
              webhooks:
                - https://ops.example.com/bluegreen
            """));

        Assert.Equal("notifications.webhooks[0]", error.KeyPath);
    }

    private static string WithNotifications(string section) => TestConfig.With(Anchor, section + "\n" + Anchor);
}
