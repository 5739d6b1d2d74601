using System.Globalization;

namespace SampleApp.Tests.Hosting;

/// <summary>Reads sample values out of a Prometheus text exposition.</summary>
internal static class PrometheusText
{
    /// <summary>Sum of the samples of <paramref name="metric"/> whose labels include every given pair.</summary>
    public static double Sum(string exposition, string metric, params (string Label, string Value)[] labels)
    {
        var total = 0.0;
        foreach (var line in exposition.Split('\n'))
        {
            if (!line.StartsWith(metric + "{", StringComparison.Ordinal))
            {
                continue;
            }

            var close = line.LastIndexOf('}');
            var labelText = line[(metric.Length + 1)..close];
            if (labels.All(pair => labelText.Contains($"{pair.Label}=\"{pair.Value}\"", StringComparison.Ordinal)))
            {
                total += double.Parse(line[(close + 1)..].Trim(), CultureInfo.InvariantCulture);
            }
        }

        return total;
    }
}
