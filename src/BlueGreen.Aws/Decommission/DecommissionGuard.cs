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
    public static string? Refusal(IReadOnlyList<JournalEntry> entries, string colour, TimeSpan drain, DateTimeOffset now, Weights? current)
    {
        ArgumentNullException.ThrowIfNull(entries);
        if (current is not null && current[colour] > 0)
        {
            return $"{colour} still has weight {current[colour]} in Route53 ({current}); it is live. Move traffic away first (bluegreen upgrade or rollback).";
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
            if (applied[colour] > 0)
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
}
