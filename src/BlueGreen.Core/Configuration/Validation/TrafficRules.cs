using BlueGreen.Core.Configuration.Data;
using BlueGreen.Core.Plans;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Configuration.Validation;

/// <summary>Live and candidate colours, the plan's steps and its timings.</summary>
internal static class TrafficRules
{
    /// <summary>The smallest scale on which every whole percentage has its own weight.</summary>
    public const int MinWeightScale = 100;

    public static void Check(EnvironmentConfig c, Checker check)
    {
        var t = c.Traffic;
        var colours = c.Clusters.Select(k => k.Colour).ToList();
        var live = c.Clusters.FirstOrDefault(k => k.Colour == t.Live);
        check.That(live is not null, "traffic.live", $"The live colour '{t.Live}' is not among the clusters ({string.Join(", ", colours)}).", "Set traffic.live to the colour that serves users now.");
        ClusterConfig? candidate = null;
        if (t.Candidate is not null)
        {
            candidate = c.Clusters.FirstOrDefault(k => k.Colour == t.Candidate);
            check.That(candidate is not null, "traffic.candidate", $"The candidate colour '{t.Candidate}' is not among the clusters ({string.Join(", ", colours)}).", "Set traffic.candidate to the colour to move to.");
            check.That(t.Candidate != t.Live, "traffic.candidate", "The candidate is the live colour.", "Choose another colour to move to.");
        }
        else if (c.Clusters.Count > 2)
        {
            check.That(false, "traffic", $"With {c.Clusters.Count} clusters, the candidate is ambiguous.", "Set traffic.candidate.");
        }
        else
        {
            candidate = c.Clusters.FirstOrDefault(k => k.Colour != t.Live);
        }

        if (live is not null && candidate is not null && candidate != live && !t.AllowDowngrade
            && EksVersions.Find(live.Version) is { } from && EksVersions.Find(candidate.Version) is { } to)
        {
            var index = c.Clusters.ToList().IndexOf(candidate);
            check.That(to.Minor >= from.Minor, $"clusters[{index}].version", $"The candidate '{candidate.Colour}' runs Kubernetes {to.Version}, lower than the live '{live.Colour}' ({from.Version}).", "Raise the candidate's version, or set traffic.allowDowngrade: true to move back on purpose.");
        }

        Steps(t, check);
        check.That(t.WeightScale <= Weights.MaxWeight, "traffic.weightScale", $"The weight scale is {t.WeightScale}; Route53 weights are within 0..{Weights.MaxWeight}.", $"Choose a scale from {MinWeightScale} to {Weights.MaxWeight} (100 maps percentages directly).");
        check.That(t.WeightScale >= MinWeightScale, "traffic.weightScale", $"The weight scale is {t.WeightScale}; below {MinWeightScale} some percentages cannot be told apart (on a scale of 2, 10 % would become 50 %).", $"Choose a scale from {MinWeightScale} to {Weights.MaxWeight} (100 maps percentages directly).");
        check.That(t.Bake >= c.Gates.Interval, "traffic.bake", $"The bake ({Duration.Format(t.Bake)}) is shorter than the gate interval ({Duration.Format(c.Gates.Interval)}): no gate would run.", "Make the bake at least one gate interval, better several.");
        check.That(t.Drain >= TimeSpan.FromSeconds(c.Dns.Ttl), "traffic.drain", $"The drain ({Duration.Format(t.Drain)}) is shorter than the DNS TTL ({c.Dns.Ttl}s): resolvers may still send users to the old colour after it is gone.", $"Make the drain at least {Duration.Format(TimeSpan.FromSeconds(c.Dns.Ttl))} plus slack for resolvers.");
    }

    private static void Steps(TrafficConfig t, Checker check)
    {
        if (check.Broken("traffic.steps"))
        {
            return;
        }

        var previous = 0;
        var lastShareIndex = -1;
        for (var i = 0; i < t.Steps.Count; i++)
        {
            var path = $"traffic.steps[{i}]";
            switch (t.Steps[i])
            {
                case SetShareStep share:
                    if (check.That(share.Percent is >= 1 and <= 100, path, $"The share {share.Percent} % is outside 1..100.", "Write the candidate's share as a percentage from 1 to 100."))
                    {
                        check.That(share.Percent > previous, path, $"The share {share.Percent} % does not increase on the previous step ({previous} %).", "Order steps by strictly increasing share, e.g. 10, 25, 50, 100.");
                        previous = Math.Max(previous, share.Percent);
                    }

                    lastShareIndex = i;
                    break;
                case TimedPauseStep pause:
                    check.That(pause.Duration > TimeSpan.Zero, path, "A pause must last longer than 0s.", "Write e.g. {pause: 5m}.");
                    break;
                case ApprovalStep approval:
                    check.That(approval.Reason.Length > 0, path, "An approval step needs a reason the operator will read.", "Write e.g. {approval: check the dashboards}.");
                    break;
            }
        }

        if (lastShareIndex < 0)
        {
            check.That(false, "traffic.steps", "The plan has no share step.", "List shares such as [10, 25, 50, 100].");
            return;
        }

        check.That(previous == 100, $"traffic.steps[{lastShareIndex}]", $"The plan ends at {previous} %; it must end at 100 % so the old colour can be drained.", "Add a final step of 100.");
    }
}
