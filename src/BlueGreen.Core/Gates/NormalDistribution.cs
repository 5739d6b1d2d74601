namespace BlueGreen.Core.Gates;

/// <summary>Tail probabilities of the standard normal distribution, for the gates' one-sided tests.</summary>
public static class NormalDistribution
{
    private const double SqrtPi = 1.7724538509055160273;

    /// <summary>P(Z &gt;= <paramref name="z"/>) for a standard normal Z; accurate to about 1e-12 relative.</summary>
    public static double UpperTail(double z)
    {
        if (double.IsNaN(z))
        {
            throw new ArgumentOutOfRangeException(nameof(z), "z is not a number.");
        }

        return z >= 0 ? 0.5 * Erfc(z / Math.Sqrt(2)) : 1 - (0.5 * Erfc(-z / Math.Sqrt(2)));
    }

    // erfc for x >= 0: the Maclaurin series of erf near 0, where it converges quickly, and the continued
    // fraction of erfc further out, where the series would lose its digits to cancellation.
    private static double Erfc(double x)
    {
        if (x < 2.5)
        {
            double term = x, sum = x;
            for (var n = 1; n < 200 && Math.Abs(term) > 1e-17 * Math.Abs(sum); n++)
            {
                term *= -x * x / n;
                sum += term / ((2 * n) + 1);
            }

            return 1 - (2 / SqrtPi * sum);
        }

        if (x > 27)
        {
            return 0;
        }

        // erfc(x) = exp(-x^2)/sqrt(pi) * 1/(x + (1/2)/(x + 1/(x + (3/2)/(x + 2/(x + ...))))), evaluated from the tail.
        var fraction = x;
        for (var k = 80; k >= 1; k--)
        {
            fraction = x + (k / 2.0 / fraction);
        }

        return Math.Exp(-x * x) / SqrtPi / fraction;
    }
}
