using System.Globalization;
using System.Text;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Plans;

/// <summary>One upgrade's plan as the engine runs it: the colours, the steps, the drain, the weight scale and the gates.</summary>
public sealed record CutoverPlan
{
    /// <summary>The live colour traffic moves away from.</summary>
    public required string From { get; init; }

    /// <summary>The candidate colour traffic moves to.</summary>
    public required string To { get; init; }

    public required IReadOnlyList<PlanStep> Steps { get; init; }

    /// <summary>Wait after 100 % before the old colour may be decommissioned.</summary>
    public required TimeSpan Drain { get; init; }

    /// <summary>Sum of the two Route53 weights a percentage is mapped onto.</summary>
    public int WeightScale { get; init; } = 100;

    /// <summary>Gate rules, interval and the candidate's verification window.</summary>
    public required GatesConfig Gates { get; init; }

    /// <summary>Index of the last share step: the one that gives the candidate 100 %, where a promotion jumps to.</summary>
    public int FinalShareStep
    {
        get
        {
            for (var i = Steps.Count - 1; i >= 0; i--)
            {
                if (Steps[i] is SetShareStep)
                {
                    return i;
                }
            }

            throw new InvalidOperationException("The plan has no share step.");
        }
    }

    /// <summary>How long step <paramref name="step"/> runs under the gates: a share step's bake, a timed pause's length; zero for an approval.</summary>
    public TimeSpan BakeOf(int step) => Steps[step] switch
    {
        SetShareStep share => share.Bake,
        TimedPauseStep pause => pause.Duration,
        _ => TimeSpan.Zero,
    };

    /// <summary>The weights that give the candidate <paramref name="percent"/> %.</summary>
    public Weights WeightsFor(int percent) => Weights.ForShare(From, To, percent, WeightScale);

    /// <summary>All traffic back on the live colour.</summary>
    public Weights RollbackWeights => WeightsFor(0);

    /// <summary>
    /// A canonical one-line description. The journal records it at the start, so a resumed run can
    /// tell whether the configuration changed under an upgrade in progress.
    /// </summary>
    public string Describe()
    {
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $"{From} -> {To}, scale {WeightScale}; steps ");
        text.AppendJoin(", ", Steps.Select(DescribeStep));
        text.Append(CultureInfo.InvariantCulture, $"; drain {Drain}; interval {Gates.Interval}; verification {Gates.Verification}");
        text.Append(CultureInfo.InvariantCulture, $"; gates success>={Gates.MinSuccessRate} p99<={Gates.MaxP99} min {Gates.MinRequests}");
        text.Append(CultureInfo.InvariantCulture, $" fail {Gates.FailureThreshold} inconclusive {Gates.InconclusiveLimit} live {Gates.LiveDegradation}");
        text.Append(CultureInfo.InvariantCulture, $"; compare {Gates.Compare} margin {Gates.Relative.FailureRateMargin} p99x{Gates.Relative.P99Ratio} confidence {Gates.Confidence}");
        return text.ToString();
    }

    /// <summary>Every problem with the plan, each naming the step or field; empty when the plan can run.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        if (string.IsNullOrWhiteSpace(From) || string.IsNullOrWhiteSpace(To))
        {
            problems.Add("traffic.live and the candidate colour must both be named.");
        }
        else if (From == To)
        {
            problems.Add($"traffic: the live and the candidate colour are both '{From}'; they must differ.");
        }

        if (WeightScale is < Weights.MinScale or > Weights.MaxWeight)
        {
            problems.Add($"traffic.weightScale is {WeightScale}; it must be within {Weights.MinScale}..{Weights.MaxWeight}, so that every percentage gets a weight of its own.");
        }

        if (Drain < TimeSpan.Zero)
        {
            problems.Add("traffic.drain must not be negative.");
        }

        for (var i = 0; i < Steps.Count; i++)
        {
            switch (Steps[i])
            {
                case SetShareStep { Percent: < 0 or > 100 } share:
                    problems.Add($"traffic.steps[{i}]: the share {share.Percent} % must be within 0..100.");
                    break;
                case SetShareStep { Bake.Ticks: < 0 }:
                    problems.Add($"traffic.steps[{i}]: the bake time must not be negative.");
                    break;
                case TimedPauseStep { Duration.Ticks: < 0 }:
                    problems.Add($"traffic.steps[{i}]: the pause must not be negative.");
                    break;
            }
        }

        if (Steps.LastOrDefault(s => s is SetShareStep) is not SetShareStep { Percent: 100 })
        {
            problems.Add("traffic.steps: the last share step must give the candidate 100 %.");
        }

        if (Gates.Interval <= TimeSpan.Zero)
        {
            problems.Add("gates.interval must be positive.");
        }

        if (Gates.MinRequests < 1)
        {
            problems.Add($"gates.minRequests is {Gates.MinRequests}; it must be at least 1, or an interval without a single request would pass.");
        }

        if (!(Gates.MinSuccessRate is >= 0 and <= 100))
        {
            problems.Add(string.Create(CultureInfo.InvariantCulture, $"gates.minSuccessRate is {Gates.MinSuccessRate}; it must be within 0..100 (a percentage)."));
        }

        if (Gates.FailureThreshold < 1)
        {
            problems.Add("gates.failureThreshold must be at least 1.");
        }

        if (Gates.InconclusiveLimit < 1)
        {
            problems.Add("gates.inconclusiveLimit must be at least 1.");
        }

        if (Gates.Verification < TimeSpan.Zero)
        {
            problems.Add("gates.verification must not be negative.");
        }

        return problems;
    }

    private static string DescribeStep(PlanStep step) => step switch
    {
        SetShareStep share => string.Create(CultureInfo.InvariantCulture, $"{share.Percent}%/{share.Bake}"),
        TimedPauseStep pause => string.Create(CultureInfo.InvariantCulture, $"pause {pause.Duration}"),
        ApprovalStep approval => $"approval '{approval.Reason}'",
        _ => throw new InvalidOperationException($"Unknown step kind {step.GetType().Name}."),
    };
}
