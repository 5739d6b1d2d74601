namespace BlueGreen.Core.Gates;

/// <summary>
/// One-sided test on counts that the candidate's failure rate exceeds live's by more than a margin.
/// Fisher's exact test while any cell of the table is expected to hold fewer than
/// <see cref="LargeCellCount"/> requests; a two-proportion z-test beyond, where the normal
/// approximation holds even in the far tail a 0.999 confidence looks at.
/// </summary>
public static class FailureRateTest
{
    /// <summary>Expected requests every cell of the 2x2 table must reach for the z-test to be used.</summary>
    public const double LargeCellCount = 100;

    /// <summary>The p-value of "the candidate fails more often than live plus <paramref name="margin"/>" (a fraction, 0.01 = 1 point).</summary>
    public static FailureRateResult Run(long candidateFailures, long candidateRequests, long liveFailures, long liveRequests, double margin)
    {
        if (candidateRequests <= 0 || liveRequests <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(candidateRequests), "Both colours need requests to be compared.");
        }

        if (margin is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(margin), "The margin is a fraction from 0 up to 1.");
        }

        double total = candidateRequests + liveRequests;
        var pooled = (candidateFailures + liveFailures) / total;
        var smallestCell = Math.Min(candidateRequests, liveRequests) * Math.Min(pooled, 1 - pooled);
        if (smallestCell >= LargeCellCount)
        {
            return new(ZTest(candidateFailures, candidateRequests, liveFailures, liveRequests, margin), FailureRateMethod.TwoProportionZ);
        }

        // Fisher's test asks "worse at all"; the margin's share of the candidate's requests is excused
        // first, counted as successes. Exact at a zero margin, approximate near a positive one.
        var excused = (long)Math.Floor(margin * candidateRequests);
        var counted = Math.Max(0, candidateFailures - excused);
        return new(FisherExactTest.UpperTail(counted, candidateRequests, liveFailures, liveRequests), FailureRateMethod.FisherExact);
    }

    // z = (pc - pl - margin) / SE, with SE from rates that meet the null hypothesis pc = pl + margin:
    // the pooled rate when the margin is 0, else the pooled estimate of pl shifted by the margin.
    private static double ZTest(long candidateFailures, long candidateRequests, long liveFailures, long liveRequests, double margin)
    {
        double nc = candidateRequests, nl = liveRequests;
        var live = Math.Clamp((candidateFailures + liveFailures - (nc * margin)) / (nc + nl), 0, 1 - margin);
        var candidate = live + margin;
        var variance = (candidate * (1 - candidate) / nc) + (live * (1 - live) / nl);
        var difference = (candidateFailures / nc) - (liveFailures / nl) - margin;
        if (variance <= 0)
        {
            return difference > 0 ? 0 : 1;
        }

        return NormalDistribution.UpperTail(difference / Math.Sqrt(variance));
    }
}

/// <summary>A failure-rate test's p-value and which test gave it.</summary>
public sealed record FailureRateResult(double PValue, FailureRateMethod Method);

/// <summary>The test a failure-rate comparison used.</summary>
public enum FailureRateMethod
{
    /// <summary>Fisher's exact test on the 2x2 table.</summary>
    FisherExact,

    /// <summary>The two-proportion z-test with the margin in its null hypothesis.</summary>
    TwoProportionZ,
}
