namespace BlueGreen.Core.Gates;

/// <summary>
/// The Mann-Whitney U test, one-sided (are the candidate's latencies larger), on samples grouped into
/// ordered groups of equal values, such as histogram buckets: each group is one run of ties.
/// Normal approximation with the tie correction and a continuity correction of 1/2.
/// </summary>
public static class MannWhitneyTest
{
    /// <summary>
    /// Compares two samples given as counts per group, groups in increasing order, the same groups on both
    /// sides. U counts the (candidate, live) pairs where the candidate is larger, a tie counting 1/2.
    /// </summary>
    public static RankTestResult Run(IReadOnlyList<long> candidate, IReadOnlyList<long> live)
    {
        ArgumentNullException.ThrowIfNull(candidate);
        ArgumentNullException.ThrowIfNull(live);
        if (candidate.Count != live.Count)
        {
            throw new ArgumentException("Both samples must be grouped into the same groups.", nameof(live));
        }

        double u = 0, liveBelow = 0, nc = 0, nl = 0, ties = 0;
        for (var i = 0; i < candidate.Count; i++)
        {
            double c = candidate[i], l = live[i], t = c + l;
            u += c * (liveBelow + (l / 2));
            liveBelow += l;
            nc += c;
            nl += l;
            ties += (t * t * t) - t;
        }

        var n = nc + nl;
        var mean = nc * nl / 2;
        var variance = n < 2 ? 0 : nc * nl / 12 * ((n + 1) - (ties / (n * (n - 1))));
        var p = variance <= 0 ? 1.0 : NormalDistribution.UpperTail((u - mean - 0.5) / Math.Sqrt(variance));
        return new RankTestResult(u, mean, variance, p);
    }
}

/// <summary>A rank test's statistic, its mean and tie-corrected variance under the null hypothesis, and the one-sided p-value.</summary>
public sealed record RankTestResult(double U, double Mean, double Variance, double PValue);
