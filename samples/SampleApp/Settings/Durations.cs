using System.Globalization;

namespace SampleApp.Settings;

/// <summary>Parses durations written as <c>400ms</c>, <c>2s</c>, <c>1.5s</c> or <c>1m</c>.</summary>
internal static class Durations
{
    public const string Syntax = "a number followed by ms, s or m (for example 400ms, 2s, 1m)";

    public static bool TryParse(string text, out TimeSpan duration)
    {
        duration = TimeSpan.Zero;
        var trimmed = text.Trim();
        var (number, unit) = trimmed.EndsWith("ms", StringComparison.Ordinal) ? (trimmed[..^2], 1.0)
            : trimmed.EndsWith('s') ? (trimmed[..^1], 1000.0)
            : trimmed.EndsWith('m') ? (trimmed[..^1], 60_000.0)
            : (string.Empty, 0.0);
        if (unit == 0.0 || !double.TryParse(number, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(value * unit);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");
}
