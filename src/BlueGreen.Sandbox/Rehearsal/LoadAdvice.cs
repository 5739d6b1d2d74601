using System.Globalization;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Plans;
using BlueGreen.Sandbox.Load;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>Checks that the sandbox's load can give the gates enough requests to judge the smallest step.</summary>
public static class LoadAdvice
{
    /// <summary>A warning when the candidate's expected requests per interval at its smallest share fall short of twice the gates' minimum; null when the load suffices.</summary>
    public static string? Check(EnvironmentConfig config, CutoverPlan plan)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(plan);
        if (config.Sandbox.RequestRate is not { } rate)
        {
            // A calibrated load lengthens the interval itself when it is too small.
            return null;
        }

        var smallest = SmallestPercent(plan);
        var expected = rate * smallest / 100.0 * plan.Gates.Interval.TotalSeconds;
        if (expected >= 2 * plan.Gates.MinRequests)
        {
            return null;
        }

        var needed = (int)Math.Ceiling(2 * plan.Gates.MinRequests / (smallest / 100.0) / plan.Gates.Interval.TotalSeconds);
        return string.Create(CultureInfo.InvariantCulture,
            $"sandbox.requestRate {rate} gives {plan.To} about {expected:0} requests per {plan.Gates.Interval.TotalSeconds:0.#} s interval at {smallest} %, and gates.minRequests is {plan.Gates.MinRequests}: many intervals will be inconclusive and the rehearsal may pause. Set sandbox.requestRate to {needed} or more (and sandbox.clients to about the same, one request per client per second).");
    }

    /// <summary>What the gates need of the user load under <paramref name="plan"/>: twice the minimum at the smallest share.</summary>
    public static LoadDemand Demand(CutoverPlan plan)
    {
        ArgumentNullException.ThrowIfNull(plan);
        return new LoadDemand { SamplesPerInterval = 2 * plan.Gates.MinRequests, SmallestShare = SmallestPercent(plan) / 100.0, Interval = plan.Gates.Interval };
    }

    private static int SmallestPercent(CutoverPlan plan) =>
        plan.Steps.OfType<SetShareStep>().Select(s => s.Percent).Where(p => p > 0).DefaultIfEmpty(100).Min();
}
