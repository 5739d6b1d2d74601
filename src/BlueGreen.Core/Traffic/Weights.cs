using System.Collections.Immutable;
using System.Globalization;

namespace BlueGreen.Core.Traffic;

/// <summary>
/// Route53 weights of the service name's records, one per colour. A colour's share is w/sum;
/// when every weight is 0 the share is equal; a 0 beside a non-zero weight gets nothing.
/// </summary>
public sealed class Weights : IEquatable<Weights>
{
    /// <summary>Highest weight Route53 accepts.</summary>
    public const int MaxWeight = 255;

    /// <summary>Smallest scale a share is mapped onto: from 100 up, every whole percentage has a weight of its own.</summary>
    public const int MinScale = 100;

    private readonly ImmutableSortedDictionary<string, int> _byColour;

    public Weights(IEnumerable<KeyValuePair<string, int>> byColour)
    {
        ArgumentNullException.ThrowIfNull(byColour);
        var builder = ImmutableSortedDictionary.CreateBuilder<string, int>(StringComparer.Ordinal);
        foreach (var (colour, weight) in byColour)
        {
            if (weight is < 0 or > MaxWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(byColour), weight, $"The weight of '{colour}' must be within 0..{MaxWeight} (Route53's range).");
            }

            if (!builder.TryAdd(colour, weight))
            {
                throw new ArgumentException($"The colour '{colour}' is given twice.", nameof(byColour));
            }
        }

        if (builder.Count == 0)
        {
            throw new ArgumentException("Weights need at least one colour.", nameof(byColour));
        }

        _byColour = builder.ToImmutable();
    }

    /// <summary>Colours in ordinal order.</summary>
    public IEnumerable<string> Colours => _byColour.Keys;

    /// <summary>The weight of a colour; 0 for a colour without a record.</summary>
    public int this[string colour] => _byColour.GetValueOrDefault(colour);

    /// <summary>Every colour with its weight, in ordinal order of colour.</summary>
    public IReadOnlyDictionary<string, int> ByColour => _byColour;

    /// <summary>The weights that give <paramref name="candidate"/> <paramref name="percent"/> % and <paramref name="live"/> the rest, on a scale of <paramref name="scale"/> (<see cref="MinScale"/>..<see cref="MaxWeight"/>).</summary>
    public static Weights ForShare(string live, string candidate, int percent, int scale = 100)
    {
        if (percent is < 0 or > 100)
        {
            throw new ArgumentOutOfRangeException(nameof(percent), percent, "A share is a percentage within 0..100.");
        }

        if (scale is < MinScale or > MaxWeight)
        {
            throw new ArgumentOutOfRangeException(nameof(scale), scale, $"The weight scale must be within {MinScale}..{MaxWeight}: below {MinScale} some percentages cannot be told apart (on a scale of 1, anything under 100 % gives the candidate nothing).");
        }

        if (live == candidate)
        {
            throw new ArgumentException("The live and candidate colours must differ.", nameof(candidate));
        }

        // Round half away from zero so 50 % of an odd scale still favours the candidate visibly. From a
        // scale of 100 up, 1 % rounds to at least 1 and 99 % to at most scale - 1, so both colours keep traffic.
        var candidateWeight = (int)Math.Round(scale * percent / 100.0, MidpointRounding.AwayFromZero);
        return new Weights([new(live, scale - candidateWeight), new(candidate, candidateWeight)]);
    }

    /// <summary>Everything to one colour, nothing to the others.</summary>
    public static Weights AllTo(string colour, IEnumerable<string> others, int scale = 100) =>
        new(others.Where(o => o != colour).Select(o => new KeyValuePair<string, int>(o, 0)).Append(new(colour, scale)));

    /// <summary>The fraction (0..1) of resolutions Route53 sends to <paramref name="colour"/>.</summary>
    public double Share(string colour)
    {
        var total = _byColour.Values.Sum();
        if (total == 0)
        {
            return _byColour.ContainsKey(colour) ? 1.0 / _byColour.Count : 0.0;
        }

        return (double)this[colour] / total;
    }

    public bool Equals(Weights? other) =>
        other is not null && _byColour.Count == other._byColour.Count && _byColour.All(kv => other._byColour.TryGetValue(kv.Key, out var w) && w == kv.Value);

    public override bool Equals(object? obj) => Equals(obj as Weights);

    public override int GetHashCode()
    {
        var hash = default(HashCode);
        foreach (var (colour, weight) in _byColour)
        {
            hash.Add(colour, StringComparer.Ordinal);
            hash.Add(weight);
        }

        return hash.ToHashCode();
    }

    /// <summary>e.g. <c>blue=90 green=10</c>.</summary>
    public override string ToString() =>
        string.Join(' ', _byColour.Select(kv => string.Create(CultureInfo.InvariantCulture, $"{kv.Key}={kv.Value}")));
}
