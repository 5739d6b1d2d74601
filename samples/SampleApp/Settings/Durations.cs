using System.Globalization;

namespace SampleApp.Settings;

/// <summary>Parses durations written as <c>400ms</c>, <c>2s</c>, <c>1.5s</c> or <c>1m</c>, up to <see cref="Maximum"/>.</summary>
internal static class Durations
{
    public const string Syntax = "a number followed by ms, s or m (for example 400ms, 2s, 1m)";

    /// <summary>
    /// The longest duration accepted. Far beyond any sensible setting, and far inside what TimeSpan
    /// and timers hold (Task.Delay refuses about 49 days and more).
    /// </summary>
    public static readonly TimeSpan Maximum = TimeSpan.FromDays(1);

    public const string MaximumText = "1440m (one day)";

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

        // A long run of digits parses to a huge double or to infinity; TimeSpan would overflow on it.
        var milliseconds = value * unit;
        if (!double.IsFinite(milliseconds) || milliseconds > Maximum.TotalMilliseconds)
        {
            return false;
        }

        duration = TimeSpan.FromMilliseconds(milliseconds);
        return true;
    }

    public static string Format(TimeSpan duration) =>
        duration.TotalMilliseconds % 1000 == 0
            ? string.Create(CultureInfo.InvariantCulture, $"{duration.TotalSeconds:0}s")
            : string.Create(CultureInfo.InvariantCulture, $"{duration.TotalMilliseconds:0.###}ms");
}
