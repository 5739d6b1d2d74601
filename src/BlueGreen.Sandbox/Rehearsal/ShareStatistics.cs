namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>Bounds of an observed share that is drawn from DNS answers, not from single requests.</summary>
public static class ShareStatistics
{
    /// <summary>Two-sided 99.9 % quantile of the normal distribution.</summary>
    public const double Z999 = 3.2905;

    /// <summary>
    /// Kish's effective sample size of requests grouped by the answer they rode: (sum n)^2 / sum n^2.
    /// Equals the number of resolutions when each carried one request, and shrinks as cached
    /// answers carry more.
    /// </summary>
    public static double EffectiveSize(IEnumerable<long> requestsPerResolution)
    {
        double sum = 0, squares = 0;
        foreach (var n in requestsPerResolution)
        {
            sum += n;
            squares += (double)n * n;
        }

        return squares == 0 ? 0 : sum * sum / squares;
    }

    /// <summary>The 99.9 % tolerance, in percentage points, of a share <paramref name="p"/> observed over <paramref name="effectiveSize"/> independent draws.</summary>
    public static double TolerancePoints(double p, double effectiveSize) =>
        effectiveSize <= 0 ? 100 : 100 * Z999 * Math.Sqrt(p * (1 - p) / effectiveSize);
}
