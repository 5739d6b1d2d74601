using System.Globalization;

namespace BlueGreen.Core.Gates;

/// <summary>How the gates' sentences print numbers.</summary>
internal static class GateNumbers
{
    // A measured value is cut toward the side that keeps the sentence true: a rate below the minimum never
    // prints as the minimum ("99 % is below 99 %"), a latency above the maximum never prints as the maximum.
    public static string RoundedDown(double percent) =>
        (Math.Floor((decimal)percent * 100) / 100).ToString("0.##", CultureInfo.InvariantCulture);

    public static string RoundedUp(TimeSpan latency) =>
        (Math.Ceiling((decimal)latency.TotalMilliseconds * 1000) / 1000).ToString("0.###", CultureInfo.InvariantCulture);

    // A configured limit prints as configured, never rounded.
    public static string Exact(double limit) => limit.ToString(CultureInfo.InvariantCulture);

    public static string Percent(double percent) => percent.ToString("0.##", CultureInfo.InvariantCulture);

    // Four decimals are all a decision at a confidence of up to 0.9999 needs.
    public static string PValue(double p) =>
        p < 0.0001 ? "p < 0.0001" : string.Create(CultureInfo.InvariantCulture, $"p = {p:0.####}");
}
