using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Plans;

/// <summary>What one stage of an upgrade does, as a dry run shows it.</summary>
/// <param name="Number">0 for the verification at 0 %, then the plan's steps from 1.</param>
/// <param name="Kind"><c>verify</c>, <c>share</c>, <c>pause</c>, <c>approval</c> or <c>drain</c>.</param>
/// <param name="Percent">The candidate's share during the stage.</param>
/// <param name="Weights">The weighted records' weights during the stage, every configured colour included.</param>
/// <param name="Hold">How long the stage runs under the gates; zero for an approval (it waits for an operator).</param>
/// <param name="SetsWeights">True when the stage starts by writing the weights (one change of every record at once).</param>
/// <param name="Description">One sentence for people.</param>
public sealed record PreviewStage(int Number, string Kind, int Percent, IReadOnlyDictionary<string, int> Weights, TimeSpan Hold, bool SetsWeights, string Description);

/// <summary>An upgrade's plan laid out stage by stage without running anything: for <c>upgrade --dry-run</c>.</summary>
public sealed record PlanPreview(string From, string To, int WeightScale, IReadOnlyList<string> Colours, IReadOnlyList<PreviewStage> Stages, GatesConfig Gates)
{
    /// <summary>The total time under the gates when every interval passes and no approval waits: verification, bakes, pauses and the drain.</summary>
    public TimeSpan Duration => Stages.Aggregate(TimeSpan.Zero, (sum, stage) => sum + stage.Hold);

    /// <summary>
    /// Lays out <paramref name="plan"/>: the candidate's verification at 0 %, each step with the weights it
    /// leaves, then the drain. <paramref name="colours"/> are every colour with a weighted record (all of them get
    /// a weight in each change, as the routers write them).
    /// </summary>
    public static PlanPreview Of(CutoverPlan plan, IEnumerable<string> colours)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(colours);
        var all = colours.Concat([plan.From, plan.To]).Distinct(StringComparer.Ordinal).ToList();
        var stages = new List<PreviewStage>
        {
            new(0, "verify", 0, WeightsOf(plan, all, 0), plan.Gates.Verification, true,
                $"All traffic stays on {plan.From}; {plan.To} must pass the gates on its own name for {Show(plan.Gates.Verification)} before users reach it."),
        };

        var percent = 0;
        for (var i = 0; i < plan.Steps.Count; i++)
        {
            var number = i + 1;
            stages.Add(plan.Steps[i] switch
            {
                SetShareStep share => new PreviewStage(number, "share", percent = share.Percent, WeightsOf(plan, all, share.Percent), share.Bake, true,
                    $"{plan.To} gets {share.Percent} % of users, then bakes {Show(share.Bake)} under the gates."),
                TimedPauseStep pause => new PreviewStage(number, "pause", percent, WeightsOf(plan, all, percent), pause.Duration, false,
                    $"The weights hold for {Show(pause.Duration)}; the gates keep running."),
                ApprovalStep approval => new PreviewStage(number, "approval", percent, WeightsOf(plan, all, percent), TimeSpan.Zero, false,
                    $"The weights hold until an operator runs `bluegreen resume` ({approval.Reason})."),
                _ => throw new InvalidOperationException($"Unknown step kind {plan.Steps[i].GetType().Name}."),
            });
        }

        stages.Add(new PreviewStage(plan.Steps.Count + 1, "drain", 100, WeightsOf(plan, all, 100), plan.Drain, false,
            $"{plan.From} keeps running with weight 0 for {Show(plan.Drain)} while cached answers expire; then it may be decommissioned."));
        return new PlanPreview(plan.From, plan.To, plan.WeightScale, all, stages, plan.Gates);
    }

    private static Dictionary<string, int> WeightsOf(CutoverPlan plan, List<string> colours, int percent)
    {
        var weights = plan.WeightsFor(percent);
        return colours.ToDictionary(c => c, c => weights[c], StringComparer.Ordinal);
    }

    private static string Show(TimeSpan value) => Configuration.Duration.Format(value);
}
