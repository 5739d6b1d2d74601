using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace BlueGreen.Core.Configuration;

/// <summary>Durations written as in Go and Kubernetes: <c>500ms</c>, <c>30s</c>, <c>5m</c>, <c>1h30m</c>.</summary>
public static partial class Duration
{
    /// <summary>What a user may write, for error hints.</summary>
    public const string Syntax = "a number with a unit: ms, s, m or h, e.g. 500ms, 30s, 5m, 1h30m";

    /// <summary>Parses <paramref name="text"/>; false when it is not a duration.</summary>
    public static bool TryParse(string? text, out TimeSpan value)
    {
        value = TimeSpan.Zero;
        if (string.IsNullOrWhiteSpace(text))
        {
            return false;
        }

        var matches = Part().Matches(text.Trim());
        if (matches.Count == 0 || matches.Sum(m => m.Length) != text.Trim().Length)
        {
            return false;
        }

        var total = 0.0;
        foreach (Match match in matches)
        {
            var number = double.Parse(match.Groups["n"].Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture);
            total += match.Groups["u"].Value switch
            {
                "ms" => number,
                "s" => number * 1_000,
                "m" => number * 60_000,
                _ => number * 3_600_000,
            };
        }

        if (total > TimeSpan.FromDays(365).TotalMilliseconds)
        {
            return false;
        }

        value = TimeSpan.FromMilliseconds(total);
        return true;
    }

    /// <summary>Formats a duration in the same syntax, shortest form first: 1m30s, 500ms.</summary>
    public static string Format(TimeSpan value)
    {
        if (value == TimeSpan.Zero)
        {
            return "0s";
        }

        var builder = new StringBuilder();
        if (value.Hours + (value.Days * 24) > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Hours + (value.Days * 24)}h");
        }

        if (value.Minutes > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Minutes}m");
        }

        if (value.Seconds > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Seconds}s");
        }

        if (value.Milliseconds > 0)
        {
            builder.Append(CultureInfo.InvariantCulture, $"{value.Milliseconds}ms");
        }

        return builder.ToString();
    }

    [GeneratedRegex(@"(?<n>\d+(\.\d+)?)(?<u>ms|s|m|h)", RegexOptions.CultureInvariant)]
    private static partial Regex Part();
}
