using System.Globalization;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Aws.Decommission;

/// <summary>
/// Decides from the journal whether a colour may be torn down: it must carry no traffic, and its weight
/// must have been 0 for at least the drain time, so resolvers that cached it have let go.
/// </summary>
public static class DecommissionGuard
{
    /// <summary>Null when <paramref name="colour"/> may go; otherwise why not and what to do.</summary>
    /// <param name="entries">The environment's journal.</param>
    /// <param name="colour">The colour to tear down.</param>
    /// <param name="drain">How long its weight must have been 0.</param>
    /// <param name="now">The current time.</param>
    /// <param name="recorded">The live Route53 weights of only the colours that have a weighted record
    /// (<see cref="Route53.Route53WeightedRouter.ReadRecordedWeightsAsync"/>); null when none could be read.</param>
    public static string? Refusal(IReadOnlyList<JournalEntry> entries, string colour, TimeSpan drain, DateTimeOffset now, Weights? recorded)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (LiveRefusal(colour, recorded) is { } live)
        {
            return live;
        }

        DateTimeOffset? zeroSince = null;
        Weights? last = null;
        foreach (var entry in entries)
        {
            var applied = entry.Event switch
            {
                CutoverStarted started => started.InitialWeights,
                WeightsApplied weights => weights.Weights,
                RollbackWeightsApplied rollback => rollback.Weights,
                _ => null,
            };
            if (applied is null)
            {
                continue;
            }

            last = applied;
            if (applied.Share(colour) > 0)
            {
                zeroSince = null;
            }
            else
            {
                zeroSince ??= entry.Event.At;
            }
        }

        if (last is null)
        {
            return $"The journal records no weights, so nothing shows that {colour} stopped taking traffic. Run the upgrade first; decommission follows it.";
        }

        if (zeroSince is null)
        {
            return $"{colour} had weight {last[colour]} in the last weights the journal records ({last}); it is live. Move traffic away first.";
        }

        var waited = now - zeroSince.Value;
        if (waited < drain)
        {
            var left = (drain - waited).TotalSeconds.ToString("0", CultureInfo.InvariantCulture);
            return $"{colour} has had weight 0 only since {zeroSince.Value.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z; the drain time ({drain.TotalSeconds:0} s) is not over. Wait {left} s more so cached DNS answers expire.";
        }

        return null;
    }

    private static string? LiveRefusal(string colour, Weights? recorded)
    {
        if (recorded is null)
        {
            return "Route53 shows no weighted record of any colour for the service name, so nothing shows that another colour serves it. Check the hosted zone (bluegreen status) before tearing anything down.";
        }

        if (recorded.ByColour.ContainsKey(colour) && recorded.Share(colour) > 0)
        {
            // Route53 splits equally between records that all have weight 0.
            return recorded[colour] > 0
                ? $"{colour} still has weight {recorded[colour]} in Route53 ({recorded}); it is live. Move traffic away first (bluegreen upgrade or rollback)."
                : $"{colour} has weight 0 in Route53 but so has every record ({recorded}), and Route53 then splits traffic equally; it is live. Move traffic away first (bluegreen upgrade or rollback).";
        }

        if (!recorded.ByColour.Any(kv => kv.Key != colour && kv.Value > 0))
        {
            return $"No other colour has a weighted record with weight above 0 in Route53 ({recorded}); tearing {colour} down would leave the service name without a live colour. Shift traffic to the other colour first (bluegreen shift).";
        }

        return null;
    }
}
