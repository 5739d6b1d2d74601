using System.Collections.Immutable;
using BlueGreen.Core.Traffic;

namespace BlueGreen.Sandbox.Dns;

/// <summary>
/// The weighted records of one name, by Route53's rules: a query gets one record, chosen with
/// probability w/sum; when every weight is 0 each record is equally likely; a record of weight 0
/// beside a non-zero one is never chosen. A colour without a record is absent, not weight 0.
/// </summary>
public sealed class WeightedRecordSet
{
    private readonly ImmutableArray<KeyValuePair<string, int>> _records;
    private readonly int _total;

    public WeightedRecordSet(IEnumerable<KeyValuePair<string, int>> records)
    {
        ArgumentNullException.ThrowIfNull(records);
        _records = [.. records.OrderBy(r => r.Key, StringComparer.Ordinal)];
        foreach (var (colour, weight) in _records)
        {
            if (weight is < 0 or > Weights.MaxWeight)
            {
                throw new ArgumentOutOfRangeException(nameof(records), weight, $"The weight of '{colour}' must be within 0..{Weights.MaxWeight}.");
            }
        }

        if (_records.Select(r => r.Key).Distinct(StringComparer.Ordinal).Count() != _records.Length)
        {
            throw new ArgumentException("A colour has more than one record.", nameof(records));
        }

        _total = _records.Sum(r => r.Value);
    }

    /// <summary>No record at all: the name does not resolve.</summary>
    public static WeightedRecordSet Empty { get; } = new([]);

    /// <summary>The records of <paramref name="weights"/>, one per colour.</summary>
    public static WeightedRecordSet From(Weights weights) => new(weights.ByColour);

    public bool IsEmpty => _records.IsEmpty;

    /// <summary>Colours that have a record, in ordinal order.</summary>
    public IEnumerable<string> Colours => _records.Select(r => r.Key);

    /// <summary>The weight of a colour's record; null when it has none.</summary>
    public int? WeightOf(string colour) => _records.Where(r => r.Key == colour).Select(r => (int?)r.Value).FirstOrDefault();

    /// <summary>Whether both hold the same colours with the same weights.</summary>
    public bool SameRecordsAs(WeightedRecordSet other)
    {
        ArgumentNullException.ThrowIfNull(other);
        return _records.SequenceEqual(other._records);
    }

    /// <summary>The records as weights; null when there are none.</summary>
    public Weights? ToWeights() => IsEmpty ? null : new Weights(_records);

    /// <summary>
    /// The colour a query gets, for <paramref name="uniform"/> drawn uniformly from [0, 1);
    /// null when there is no record.
    /// </summary>
    public string? Pick(double uniform)
    {
        if (uniform is < 0 or >= 1)
        {
            throw new ArgumentOutOfRangeException(nameof(uniform), uniform, "Must be within [0, 1).");
        }

        if (_records.IsEmpty)
        {
            return null;
        }

        if (_total == 0)
        {
            return _records[(int)(uniform * _records.Length)].Key;
        }

        var point = uniform * _total;
        var cumulative = 0;
        foreach (var (colour, weight) in _records)
        {
            cumulative += weight;
            if (point < cumulative)
            {
                return colour;
            }
        }

        // Rounding can leave the point at the very top; the last non-zero record owns it.
        return _records.Last(r => r.Value > 0).Key;
    }

    /// <summary>The probability that a query gets <paramref name="colour"/>.</summary>
    public double Probability(string colour)
    {
        var weight = WeightOf(colour);
        if (weight is null)
        {
            return 0;
        }

        return _total == 0 ? 1.0 / _records.Length : (double)weight.Value / _total;
    }

    /// <summary>e.g. <c>blue=90 green=10</c>, or <c>(no records)</c>.</summary>
    public override string ToString() =>
        IsEmpty ? "(no records)" : string.Join(' ', _records.Select(r => $"{r.Key}={r.Value}"));
}
