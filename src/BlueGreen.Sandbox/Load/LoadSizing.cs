using System.Globalization;

namespace BlueGreen.Sandbox.Load;

/// <summary>
/// Sizes the user load to the machine: a safe share of what the live colour served during the
/// calibration, so the load generator, the DNS server, the proxies and both colours keep headroom.
/// When that load is too small for the gates' minimum samples at the smallest step, the interval
/// is lengthened (whole multiples) instead of the load raised beyond what the machine can take.
/// </summary>
public static class LoadSizing
{
    /// <summary>The share of the calibrated rate given to users.</summary>
    public const double SafeShare = 0.25;

    /// <summary>Above this the load only fills the report: the gates have their samples long before.</summary>
    public const int MaxRequestRate = 1000;

    /// <summary>Beyond this a rehearsal would take hours; its intervals are then judged on fewer samples (inconclusive ones say so).</summary>
    public const int MaxIntervalFactor = 30;

    private static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromSeconds(20);

    /// <param name="calibratedRate">Requests per second the live colour served during the calibration.</param>
    /// <param name="calibratedP99">The p99 latency during the calibration.</param>
    /// <param name="configuredClients">sandbox.clients: the most clients the load uses.</param>
    /// <param name="demand">What the gates need; null: no interval to keep (a sandbox without a plan).</param>
    public static LoadSize Size(double calibratedRate, TimeSpan calibratedP99, int configuredClients, LoadDemand? demand)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(calibratedRate);
        ArgumentOutOfRangeException.ThrowIfLessThan(configuredClients, 1);
        var rate = (int)Math.Clamp(Math.Floor(calibratedRate * SafeShare), 1, MaxRequestRate);
        var factor = 1;
        if (demand is not null)
        {
            var perInterval = rate * demand.SmallestShare * demand.Interval.TotalSeconds;
            if (perInterval < demand.SamplesPerInterval)
            {
                factor = Math.Min(MaxIntervalFactor, (int)Math.Ceiling(demand.SamplesPerInterval / perInterval));
            }
        }

        // The request timeout fits the latency measured with the machine as it is: ten times the
        // calibration's p99 (when the load is a quarter of that), never below the usual 5 s.
        var timeout = TimeSpan.FromTicks(Math.Clamp(calibratedP99.Ticks * 10, LoadOptions.DefaultRequestTimeout.Ticks, MaxRequestTimeout.Ticks));
        return new LoadSize
        {
            CalibratedRate = calibratedRate,
            RequestRate = rate,
            Clients = Math.Min(configuredClients, rate),
            Share = SafeShare,
            RequestTimeout = timeout,
            IntervalFactor = factor,
        };
    }

    /// <summary>The sentence that says the interval was lengthened; null when it was not.</summary>
    public static string? Lengthening(LoadSize size, LoadDemand demand)
    {
        ArgumentNullException.ThrowIfNull(size);
        ArgumentNullException.ThrowIfNull(demand);
        if (size.IntervalFactor == 1)
        {
            return null;
        }

        return string.Create(CultureInfo.InvariantCulture,
            $"this machine is too slow to give the candidate {demand.SamplesPerInterval} requests per {demand.Interval.TotalSeconds:0.#} s interval at {100 * demand.SmallestShare:0.#} % ({size.RequestRate} requests/s), so the gate interval, the bake and the verification are {size.IntervalFactor} times longer (interval {(demand.Interval * size.IntervalFactor).TotalSeconds:0.#} s)");
    }
}
