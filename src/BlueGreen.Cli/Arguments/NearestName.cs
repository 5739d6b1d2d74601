namespace BlueGreen.Cli.Arguments;

/// <summary>Finds the known name a mistyped one was most likely meant to be: letters left out, added, changed or swapped.</summary>
public static class NearestName
{
    /// <summary>The known name closest to <paramref name="typed"/>, or null when none is close enough to be a slip of the keyboard.</summary>
    public static string? Find(string typed, IEnumerable<string> known)
    {
        ArgumentNullException.ThrowIfNull(typed);
        ArgumentNullException.ThrowIfNull(known);

        var lowered = typed.ToLowerInvariant();
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var name in known)
        {
            var candidate = name.ToLowerInvariant();
            var distance = Distance(lowered, candidate);

            // A name cut short (--conf for --config) is a common slip even when more than two letters are missing.
            var acceptable = distance <= Allowed(lowered) || (lowered.Length >= 3 && candidate.StartsWith(lowered, StringComparison.Ordinal));
            if (acceptable && distance < bestDistance)
            {
                best = name;
                bestDistance = distance;
            }
        }

        return best;
    }

    /// <summary>Edits allowed: one below six letters, two from six on, so that a short name is not matched to an unrelated one.</summary>
    private static int Allowed(string typed) => Math.Clamp(typed.Length / 3, 1, 2);

    /// <summary>Optimal string alignment distance: a swapped pair of neighbours (fualt, fault) costs one edit, as a typist makes it.</summary>
    internal static int Distance(string a, string b)
    {
        var d = new int[a.Length + 1, b.Length + 1];
        for (var i = 0; i <= a.Length; i++)
        {
            d[i, 0] = i;
        }

        for (var j = 0; j <= b.Length; j++)
        {
            d[0, j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            }
        }

        return d[a.Length, b.Length];
    }
}
