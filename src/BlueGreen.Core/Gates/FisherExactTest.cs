namespace BlueGreen.Core.Gates;

/// <summary>Fisher's exact test on a 2x2 table of failures and successes, one-sided: is the first row's failure rate higher.</summary>
public static class FisherExactTest
{
    /// <summary>
    /// The probability, with the table's margins fixed, of the first row having <paramref name="failuresA"/>
    /// or more failures of its <paramref name="requestsA"/> when both rows share one failure rate.
    /// </summary>
    public static double UpperTail(long failuresA, long requestsA, long failuresB, long requestsB)
    {
        if (failuresA < 0 || failuresB < 0 || failuresA > requestsA || failuresB > requestsB)
        {
            throw new ArgumentOutOfRangeException(nameof(failuresA), "Failures must be between 0 and the requests of their row.");
        }

        var total = requestsA + requestsB;
        var failures = failuresA + failuresB;
        var highest = Math.Min(failures, requestsA);
        var denominator = LogChoose(total, requestsA);
        var p = 0.0;
        for (var x = failuresA; x <= highest; x++)
        {
            p += Math.Exp(LogChoose(failures, x) + LogChoose(total - failures, requestsA - x) - denominator);
        }

        return Math.Min(1.0, p);
    }

    private static double LogChoose(long n, long k) => LogFactorial(n) - LogFactorial(k) - LogFactorial(n - k);

    // Summed exactly for small n; Stirling's series beyond, where its error is below 1e-14.
    private static double LogFactorial(long n)
    {
        if (n < 30)
        {
            var sum = 0.0;
            for (var i = 2; i <= n; i++)
            {
                sum += Math.Log(i);
            }

            return sum;
        }

        double x = n, inverse = 1.0 / n, inverseSquared = inverse * inverse;
        return (x * Math.Log(x)) - x + (0.5 * Math.Log(2 * Math.PI * x))
            + (inverse * ((1.0 / 12) - (inverseSquared * ((1.0 / 360) - (inverseSquared / 1260)))));
    }
}
