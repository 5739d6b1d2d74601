using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Plans;

/// <summary>Builds the engine's plan from an environment's configuration.</summary>
public static class PlanFactory
{
    /// <summary>
    /// The plan for moving traffic from <c>traffic.live</c> to the candidate cluster's colour. With
    /// <paramref name="timings"/>, every share step bakes and every timed pause lasts
    /// <see cref="PlanTimings.Bake"/>, and the interval, drain and verification come from it too.
    /// </summary>
    /// <exception cref="PlanException">The configuration does not make a runnable plan; lists every problem.</exception>
    public static CutoverPlan Create(EnvironmentConfig config, PlanTimings? timings = null)
    {
        ArgumentNullException.ThrowIfNull(config);
        string candidate;
        try
        {
            candidate = config.CandidateCluster.Colour;
        }
        catch (Exception e) when (e is ArgumentException or InvalidOperationException)
        {
            throw new PlanException([$"traffic: no candidate colour: {e.Message}"]);
        }

        var traffic = config.Traffic;
        var steps = timings is null
            ? traffic.Steps
            : traffic.Steps.Select(step => step switch
            {
                SetShareStep share => share with { Bake = timings.Bake },
                TimedPauseStep pause => pause with { Duration = timings.Bake },
                _ => step,
            }).ToList();

        var gates = timings is null ? config.Gates : config.Gates with { Interval = timings.Interval, Verification = timings.Verification };
        var plan = new CutoverPlan
        {
            From = traffic.Live,
            To = candidate,
            Steps = steps,
            Drain = timings?.Drain ?? traffic.Drain,
            WeightScale = traffic.WeightScale,
            Gates = gates,
        };

        var problems = plan.Problems();
        if (problems.Count > 0)
        {
            throw new PlanException(problems);
        }

        return plan;
    }
}
