using System.Text.RegularExpressions;
using BlueGreen.Core.Notifications;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Webhook receivers: reachable URLs, a secret's variable name, known event names.</summary>
internal static partial class NotificationRules
{
    public static void Check(EnvironmentConfig c, Checker check)
    {
        var webhooks = c.Notifications.Webhooks;
        for (var i = 0; i < webhooks.Count; i++)
        {
            var w = webhooks[i];
            var path = $"notifications.webhooks[{i}]";
            check.That(
                Uri.TryCreate(w.Url, UriKind.Absolute, out var url) && (url.Scheme == Uri.UriSchemeHttps || url.Scheme == Uri.UriSchemeHttp) && !string.IsNullOrEmpty(url.Host),
                $"{path}.url",
                $"'{w.Url}' is not an http or https URL.",
                "Write the receiver's full address, e.g. https://hooks.slack.com/services/... or https://ops.example.com/bluegreen.");
            if (w.SecretEnv is { } secret)
            {
                check.That(VariableName().IsMatch(secret), $"{path}.secretEnv", $"'{secret}' is not an environment variable's name.", "Name the variable that holds the secret, e.g. BLUEGREEN_WEBHOOK_SECRET; never write the secret itself here.");
            }

            for (var j = 0; j < w.Events.Count; j++)
            {
                check.That(
                    NotificationKinds.TryParse(w.Events[j], out _),
                    $"{path}.events[{j}]",
                    $"'{w.Events[j]}' is not a notification.",
                    $"Write one of: {string.Join(", ", NotificationKinds.Names)}; leave events out for all of them.");
            }
        }
    }

    [GeneratedRegex("^[A-Za-z_][A-Za-z0-9_]*$")]
    private static partial Regex VariableName();
}
