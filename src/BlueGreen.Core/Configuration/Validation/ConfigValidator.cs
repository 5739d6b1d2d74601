using BlueGreen.Core.Configuration.Loading;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Checks a bound configuration for impossible or unsafe values, adding every problem to the sink.</summary>
internal static class ConfigValidator
{
    public static void Validate(EnvironmentConfig config, ErrorSink sink, DateOnly today)
    {
        var check = new Checker(sink);
        GeneralRules.Check(config, check);
        NetworkRules.Check(config, check);
        DnsRules.Check(config, check);
        ClusterRules.Check(config, check, today);
        TrafficRules.Check(config, check);
        GatesRules.Check(config, check);
        SandboxRules.Check(config, check);
        NotificationRules.Check(config, check);
    }
}

/// <summary>Reports a failed rule at a key path, unless that path already has an error from reading it.</summary>
internal sealed class Checker(ErrorSink sink)
{
    /// <summary>Reports when <paramref name="ok"/> is false; returns <paramref name="ok"/>.</summary>
    public bool That(bool ok, string path, string message, string? hint = null)
    {
        if (!ok && !sink.HasErrorAt(path))
        {
            sink.AtPath(path, message, hint);
        }

        return ok;
    }

    /// <summary>Whether reading <paramref name="path"/> already failed (so its value is a placeholder).</summary>
    public bool Broken(string path) => sink.HasErrorAt(path);

    public bool InRange(long value, long min, long max, string path, string what) =>
        That(value >= min && value <= max, path, $"{what} is {value}; it must be within {min}..{max}.", $"Choose a value from {min} to {max}.");
}
