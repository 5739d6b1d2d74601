using System.Text.RegularExpressions;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// Flags previous-generation EC2 instance types in node groups (the reference used m3.medium).
/// Source: Amazon EC2 documentation, "Previous generation instances" (docs.aws.amazon.com/ec2/latest/instancetypes/pg.html):
/// the families below are sold only as previous generation, at worse price per performance and with
/// shrinking capacity. When AWS moves a family there, add it here.
/// </summary>
public static partial class InstanceGenerations
{
    private const string Check = "instance types";

    private static readonly HashSet<string> PreviousGenerationFamilies = new(StringComparer.Ordinal)
    {
        "a1", "c1", "c3", "c4", "cc2", "cg1", "cr1", "d2", "g2", "g3", "hi1", "hs1", "i2", "m1", "m2", "m3", "m4", "p2", "r3", "r4", "t1", "x1",
    };

    /// <summary>The family of <paramref name="instanceType"/> (m7i for m7i.large), or null when it is not an instance type name.</summary>
    public static string? FamilyOf(string instanceType)
    {
        var match = InstanceType().Match(instanceType);
        return match.Success ? match.Groups[1].Value : null;
    }

    public static bool IsPreviousGeneration(string instanceType) =>
        FamilyOf(instanceType) is { } family && PreviousGenerationFamilies.Contains(family);

    /// <summary>FAIL for a name that is no instance type or a previous-generation type; PASS otherwise.</summary>
    public static PreflightResult Evaluate(string colour, IReadOnlyList<string> instanceTypes)
    {
        var malformed = instanceTypes.Where(t => FamilyOf(t) is null).ToList();
        if (malformed.Count > 0)
        {
            return PreflightResult.Fail(Check, $"{colour}: {string.Join(", ", malformed)} is not an EC2 instance type (family.size, e.g. m7i.large).");
        }

        var previous = instanceTypes.Where(IsPreviousGeneration).ToList();
        if (previous.Count > 0)
        {
            return PreflightResult.Fail(Check, $"{colour}: {string.Join(", ", previous)} is a previous-generation type; use a current one such as m7i.large (clusters[].nodeGroup.instanceTypes).");
        }

        return PreflightResult.Pass(Check, $"{colour}: {string.Join(", ", instanceTypes)} current generation.");
    }

    [GeneratedRegex("^([a-z]+[0-9]+[a-z-]*)\\.([0-9]*[a-z]+[0-9]*|metal(-[0-9]+xl)?)$")]
    private static partial Regex InstanceType();
}
