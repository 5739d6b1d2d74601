using System.Globalization;

namespace BlueGreen.Sandbox.Faults;

/// <summary>
/// Reads <c>--fault</c> values: <c>COLOUR:KIND=VALUE[,KIND=VALUE...]</c> with the kinds
/// <c>errors=20%</c>, <c>latency=400ms</c> (or <c>1s</c>) and <c>kill=1</c>. Several values for
/// one colour add up; each kind may be given once per colour.
/// </summary>
public static class FaultSpecParser
{
    private const string Example = "e.g. --fault green:errors=20% or --fault green:latency=400ms,kill=1";

    /// <summary>The faults of every colour named in <paramref name="specs"/>; throws <see cref="FaultSpecException"/> on bad input.</summary>
    public static IReadOnlyList<ColourFault> Parse(IEnumerable<string> specs, IReadOnlyCollection<string> colours, int replicas)
    {
        ArgumentNullException.ThrowIfNull(specs);
        ArgumentNullException.ThrowIfNull(colours);
        var byColour = new Dictionary<string, ColourFault>(StringComparer.Ordinal);
        var seen = new HashSet<(string Colour, string Kind)>();
        foreach (var spec in specs)
        {
            var colon = spec.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0 || colon == spec.Length - 1)
            {
                throw new FaultSpecException($"The fault '{spec}' needs a colour and a fault, {Example}.");
            }

            var colour = spec[..colon].Trim();
            if (!colours.Contains(colour))
            {
                throw new FaultSpecException($"The fault '{spec}' names the colour '{colour}', which is not configured; the colours are {string.Join(", ", colours)}.");
            }

            var fault = byColour.GetValueOrDefault(colour) ?? new ColourFault { Colour = colour };
            foreach (var part in spec[(colon + 1)..].Split(',', StringSplitOptions.TrimEntries))
            {
                var (kind, value) = SplitKind(spec, part);
                if (!seen.Add((colour, kind)))
                {
                    throw new FaultSpecException($"The fault '{spec}' sets {kind} for {colour} a second time; give each kind once per colour.");
                }

                fault = kind switch
                {
                    "errors" => fault with { ErrorRate = ParsePercent(spec, value) },
                    "latency" => fault with { Latency = ParseDuration(spec, value) },
                    "kill" => fault with { Kill = ParseKill(spec, value, replicas) },
                    _ => throw new FaultSpecException($"The fault '{spec}' has the unknown kind '{kind}'; the kinds are errors, latency and kill, {Example}."),
                };
            }

            byColour[colour] = fault;
        }

        return [.. byColour.Values];
    }

    private static (string Kind, string Value) SplitKind(string spec, string part)
    {
        var equals = part.IndexOf('=', StringComparison.Ordinal);
        if (equals <= 0 || equals == part.Length - 1)
        {
            throw new FaultSpecException($"The fault '{spec}' has '{part}', which is not KIND=VALUE, {Example}.");
        }

        return (part[..equals].Trim().ToLowerInvariant(), part[(equals + 1)..].Trim());
    }

    private static double ParsePercent(string spec, string value)
    {
        var number = value.EndsWith('%') ? value[..^1] : value;
        if (!double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var percent) || percent is <= 0 or > 100)
        {
            throw new FaultSpecException($"The fault '{spec}' has errors={value}; give a percentage above 0 and at most 100, e.g. errors=20%.");
        }

        return percent / 100;
    }

    private static TimeSpan ParseDuration(string spec, string value)
    {
        var (number, unit) = value.EndsWith("ms", StringComparison.Ordinal) ? (value[..^2], 1.0)
            : value.EndsWith('s') ? (value[..^1], 1000.0)
            : (value, double.NaN);
        if (double.IsNaN(unit) || !double.TryParse(number, NumberStyles.Float, CultureInfo.InvariantCulture, out var amount) || amount <= 0 || amount * unit > 60_000)
        {
            throw new FaultSpecException($"The fault '{spec}' has latency={value}; give a duration in ms or s above 0 and at most 60 s, e.g. latency=400ms.");
        }

        return TimeSpan.FromMilliseconds(amount * unit);
    }

    private static int ParseKill(string spec, string value, int replicas)
    {
        if (!int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1 || count > replicas)
        {
            throw new FaultSpecException($"The fault '{spec}' has kill={value}; give a number of instances from 1 to {replicas} (sandbox.replicas).");
        }

        return count;
    }
}
