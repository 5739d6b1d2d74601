using System.Globalization;
using System.Net;
using System.Text;

namespace BlueGreen.Sandbox.Report;

/// <summary>A line chart as inline SVG: series over seconds, vertical markers for step boundaries.</summary>
public static class SvgChart
{
    private const int Width = 960;
    private const int Height = 240;
    private const int MinLeft = 56;

    // The axis font is 11 px; a digit or a letter of it is at most about 7 px wide.
    private const double AxisCharWidth = 7;
    private const int TickGap = 6;
    private const int Right = 16;
    private const int Top = 16;
    private const int Bottom = 36;

    /// <summary>One line: a name for the legend, a CSS colour, a dash pattern (null for solid) and its points.</summary>
    public sealed record Series(string Name, string Stroke, string? Dash, IReadOnlyList<(double X, double? Y)> Points);

    /// <summary>A vertical line at <paramref name="X"/> seconds with a short label.</summary>
    public sealed record Marker(double X, string Label, string Stroke);

    public static string Render(string title, string yUnit, double yMax, double xMax, IReadOnlyList<Series> series, IReadOnlyList<Marker> markers)
    {
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(markers);
        yMax = yMax <= 0 ? 1 : yMax;
        xMax = xMax <= 0 ? 1 : xMax;
        var ticks = Enumerable.Range(0, 5).Select(i => yMax * i / 4).Select(v => (Value: v, Label: Invariant($"{v:0.##}{yUnit}"))).ToList();
        var left = LeftMargin(ticks.Select(t => t.Label));
        var svg = new StringBuilder();
        svg.Append(Invariant($"<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {Width} {Height}\" role=\"img\" aria-label=\"{Encode(title)}\">"));
        svg.Append(Invariant($"<text x=\"{left}\" y=\"12\" class=\"title\">{Encode(title)}</text>"));
        foreach (var (value, label) in ticks)
        {
            var y = Y(value, yMax);
            svg.Append(Invariant($"<line x1=\"{left}\" x2=\"{Width - Right}\" y1=\"{y:0.#}\" y2=\"{y:0.#}\" class=\"grid\"/>"));
            svg.Append(Invariant($"<text x=\"{left - TickGap}\" y=\"{y + 4:0.#}\" class=\"axis\" text-anchor=\"end\">{Encode(label)}</text>"));
        }

        var xStep = NiceStep(xMax);
        for (var x = 0.0; x <= xMax + 1e-9; x += xStep)
        {
            svg.Append(Invariant($"<text x=\"{X(x, xMax, left):0.#}\" y=\"{Height - Bottom + 16}\" class=\"axis\" text-anchor=\"middle\">{x:0.#} s</text>"));
        }

        for (var i = 0; i < markers.Count; i++)
        {
            var marker = markers[i];
            var x = X(marker.X, xMax, left);

            // Labels step down in turn so that markers close together stay readable.
            var labelY = Top + 10 + (i % 3 * 11);
            svg.Append(Invariant($"<line x1=\"{x:0.#}\" x2=\"{x:0.#}\" y1=\"{Top}\" y2=\"{Height - Bottom}\" stroke=\"{marker.Stroke}\" class=\"marker\"/>"));
            svg.Append(Invariant($"<text x=\"{x + 3:0.#}\" y=\"{labelY}\" class=\"mark\">{Encode(marker.Label)}</text>"));
        }

        foreach (var line in series)
        {
            foreach (var segment in Segments(line.Points))
            {
                var points = string.Join(' ', segment.Select(p => Invariant($"{X(p.X, xMax, left):0.#},{Y(p.Y, yMax):0.#}")));
                var dash = line.Dash is null ? string.Empty : $" stroke-dasharray=\"{line.Dash}\"";
                svg.Append(Invariant($"<polyline fill=\"none\" stroke=\"{line.Stroke}\" stroke-width=\"2\"{dash} points=\"{points}\"/>"));
            }
        }

        var legendX = left;
        foreach (var line in series)
        {
            var dash = line.Dash is null ? string.Empty : $" stroke-dasharray=\"{line.Dash}\"";
            svg.Append(Invariant($"<line x1=\"{legendX}\" x2=\"{legendX + 18}\" y1=\"{Height - 8}\" y2=\"{Height - 8}\" stroke=\"{line.Stroke}\" stroke-width=\"2\"{dash}/>"));
            svg.Append(Invariant($"<text x=\"{legendX + 22}\" y=\"{Height - 4}\" class=\"axis\">{Encode(line.Name)}</text>"));
            legendX += 30 + (line.Name.Length * 7);
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static IEnumerable<List<(double X, double Y)>> Segments(IReadOnlyList<(double X, double? Y)> points)
    {
        var current = new List<(double X, double Y)>();
        foreach (var (x, y) in points)
        {
            if (y is { } value)
            {
                current.Add((x, value));
            }
            else if (current.Count > 0)
            {
                yield return current;
                current = [];
            }
        }

        if (current.Count > 0)
        {
            yield return current;
        }
    }

    /// <summary>
    /// The plot's left edge: wide enough for the longest y-axis label, which is drawn right-aligned against it,
    /// so "1897.5 ms" is never cut to "897.5 ms" by the edge of the image.
    /// </summary>
    public static int LeftMargin(IEnumerable<string> yLabels)
    {
        ArgumentNullException.ThrowIfNull(yLabels);
        var longest = yLabels.Select(l => l.Length).DefaultIfEmpty(0).Max();
        return Math.Max(MinLeft, (int)Math.Ceiling((longest * AxisCharWidth) + TickGap + 4));
    }

    private static double X(double seconds, double xMax, int left) => left + (seconds / xMax * (Width - left - Right));

    private static double Y(double value, double yMax) => Height - Bottom - (Math.Min(value, yMax) / yMax * (Height - Top - Bottom));

    private static double NiceStep(double max)
    {
        foreach (var step in new[] { 1.0, 2, 5, 10, 15, 30, 60, 120, 300, 600 })
        {
            if (max / step <= 12)
            {
                return step;
            }
        }

        return 1200;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private static string Invariant(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
