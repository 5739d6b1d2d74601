using System.Globalization;
using SampleApp.Settings;

namespace SampleApp.Faults;

/// <summary>
/// Parses <c>BLUEGREEN_FAULTS</c>: comma-separated <c>key=value</c> pairs, for example
/// <c>errors=20%,latency=400ms,seed=7</c>. Empty means no faults.
/// </summary>
internal static class FaultSpecParser
{
    public const string Syntax = "errors=<0-100>%, latency=<duration>, seed=<integer>, comma-separated (for example errors=20%,latency=400ms)";

    public static FaultSettings Parse(string? spec, ICollection<string> errors)
    {
        ArgumentNullException.ThrowIfNull(errors);
        var settings = FaultSettings.None;
        if (string.IsNullOrWhiteSpace(spec))
        {
            return settings;
        }

        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var part in spec.Split(',', StringSplitOptions.TrimEntries))
        {
            var pair = part.Split('=', 2, StringSplitOptions.TrimEntries);
            if (pair.Length != 2 || pair[0].Length == 0 || pair[1].Length == 0)
            {
                errors.Add(Error(spec, $"'{part}' is not key=value"));
                continue;
            }

            var (key, value) = (pair[0].ToLowerInvariant(), pair[1]);
            if (!seen.Add(key))
            {
                errors.Add(Error(spec, $"'{key}' is given twice"));
                continue;
            }

            switch (key)
            {
                case "errors" when TryParsePercent(value, out var rate):
                    settings = settings with { ErrorRate = rate };
                    break;
                case "errors":
                    errors.Add(Error(spec, $"errors='{value}' must be a percentage from 0% to 100%"));
                    break;
                case "latency" when Durations.TryParse(value, out var latency) && latency <= TimeSpan.FromMinutes(1):
                    settings = settings with { Latency = latency };
                    break;
                case "latency":
                    errors.Add(Error(spec, $"latency='{value}' must be {Durations.Syntax}, at most 1m"));
                    break;
                case "seed" when int.TryParse(value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed):
                    settings = settings with { Seed = seed };
                    break;
                case "seed":
                    errors.Add(Error(spec, $"seed='{value}' must be a whole number"));
                    break;
                default:
                    errors.Add(Error(spec, $"unknown key '{key}'"));
                    break;
            }
        }

        return settings;
    }

    private static bool TryParsePercent(string value, out double rate)
    {
        rate = 0;
        return value.EndsWith('%')
            && double.TryParse(value[..^1], NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var percent)
            && percent is >= 0 and <= 100
            && (rate = percent / 100) >= 0;
    }

    private static string Error(string spec, string problem) =>
        $"{EnvironmentNames.Faults}='{spec}': {problem}. Expected {Syntax}, or unset it to turn faults off.";
}
