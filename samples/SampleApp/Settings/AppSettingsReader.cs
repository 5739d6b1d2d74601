using System.Globalization;
using System.Text.RegularExpressions;
using SampleApp.Faults;

namespace SampleApp.Settings;

/// <summary>Reads <see cref="AppSettings"/> from configuration (the environment), collecting every error.</summary>
internal static partial class AppSettingsReader
{
    public static AppSettings Read(IConfiguration configuration, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentNullException.ThrowIfNull(errors);
        var defaults = new AppSettings();

        var tableName = Text(configuration, EnvironmentNames.TableName) ?? defaults.TableName;
        if (!TableNamePattern().IsMatch(tableName))
        {
            errors.Add($"{EnvironmentNames.TableName}='{tableName}' is not a DynamoDB table name: use 3 to 255 letters, digits, '_', '-' or '.'.");
        }

        var partitionKey = Text(configuration, EnvironmentNames.PartitionKey) ?? defaults.PartitionKey;
        if (partitionKey.Length > 255)
        {
            errors.Add($"{EnvironmentNames.PartitionKey} is {partitionKey.Length} characters long: an attribute name has at most 255.");
        }

        var colour = Text(configuration, EnvironmentNames.Colour) ?? defaults.Colour;
        if (!ColourPattern().IsMatch(colour))
        {
            errors.Add($"{EnvironmentNames.Colour}='{colour}' cannot go in an HTTP header: use 1 to 63 letters, digits, '-' or '_' (for example blue).");
        }

        var kubernetesVersion = Text(configuration, EnvironmentNames.KubernetesVersion) ?? defaults.KubernetesVersion;

        int? pageSize = null;
        if (Text(configuration, EnvironmentNames.ScanPageSize) is { } pageText)
        {
            if (int.TryParse(pageText, NumberStyles.None, CultureInfo.InvariantCulture, out var parsed) && parsed > 0)
            {
                pageSize = parsed;
            }
            else
            {
                errors.Add($"{EnvironmentNames.ScanPageSize}='{pageText}' must be a positive whole number (for example 100), or unset for DynamoDB's 1 MB pages.");
            }
        }

        var itemsCache = Duration(configuration, EnvironmentNames.ItemsCache, defaults.ItemsCache, allowZero: true, errors);
        var readinessCache = Duration(configuration, EnvironmentNames.ReadinessCache, defaults.ReadinessCache, allowZero: true, errors);
        var databaseTimeout = Duration(configuration, EnvironmentNames.DatabaseTimeout, defaults.DatabaseTimeout, allowZero: false, errors);
        var shutdownDelay = Duration(configuration, EnvironmentNames.ShutdownDelay, defaults.ShutdownDelay, allowZero: true, errors);
        var shutdownTimeout = Duration(configuration, EnvironmentNames.ShutdownTimeout, defaults.ShutdownTimeout, allowZero: false, errors);
        if (shutdownTimeout <= shutdownDelay)
        {
            errors.Add(
                $"{EnvironmentNames.ShutdownTimeout}={Durations.Format(shutdownTimeout)} must be longer than " +
                $"{EnvironmentNames.ShutdownDelay}={Durations.Format(shutdownDelay)}, or in-flight requests get no time to finish.");
        }

        var faults = FaultSpecParser.Parse(Text(configuration, EnvironmentNames.Faults), errors);

        var exitWithParent = Text(configuration, EnvironmentNames.ExitWithParentStdin) switch
        {
            null or "0" => false,
            "1" => true,
            var other => AddError(errors, false, $"{EnvironmentNames.ExitWithParentStdin}='{other}' must be 1 (exit when standard input closes) or 0; leave it unset in production."),
        };

        return new AppSettings
        {
            TableName = tableName,
            PartitionKey = partitionKey,
            Colour = colour,
            KubernetesVersion = kubernetesVersion,
            ScanPageSize = pageSize,
            ItemsCache = itemsCache,
            ReadinessCache = readinessCache,
            DatabaseTimeout = databaseTimeout,
            ShutdownDelay = shutdownDelay,
            ShutdownTimeout = shutdownTimeout,
            Faults = faults,
            ExitWithParentStdin = exitWithParent,
        };
    }

    private static T AddError<T>(ICollection<string> errors, T fallback, string error)
    {
        errors.Add(error);
        return fallback;
    }

    private static string? Text(IConfiguration configuration, string name) =>
        configuration[name] is { } value && value.Trim().Length > 0 ? value.Trim() : null;

    private static TimeSpan Duration(IConfiguration configuration, string name, TimeSpan fallback, bool allowZero, ICollection<string> errors)
    {
        if (Text(configuration, name) is not { } text)
        {
            return fallback;
        }

        if (Durations.TryParse(text, out var duration) && (duration > TimeSpan.Zero || (allowZero && duration == TimeSpan.Zero)))
        {
            return duration;
        }

        errors.Add($"{name}='{text}' must be {Durations.Syntax}{(allowZero ? string.Empty : ", above zero")}, at most {Durations.MaximumText}.");
        return fallback;
    }

    [GeneratedRegex("^[A-Za-z0-9_.-]{3,255}$")]
    private static partial Regex TableNamePattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,63}$")]
    private static partial Regex ColourPattern();
}
