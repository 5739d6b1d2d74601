using System.Text.RegularExpressions;

namespace BlueGreen.Infrastructure.Clusters;

/// <summary>Chooses the Amazon Linux 2023 node image type that matches the instance types' architecture.</summary>
public static partial class NodeAmi
{
    public const string X86 = "AL2023_x86_64_STANDARD";

    public const string Arm = "AL2023_ARM_64_STANDARD";

    /// <summary>Whether the instance types are non-empty and share one architecture, as one node group requires.</summary>
    public static bool IsSingleArchitecture(IReadOnlyList<string> instanceTypes) =>
        instanceTypes.Select(AmiOf).Distinct(StringComparer.Ordinal).Count() == 1;

    /// <summary>The AMI type for instance types of one architecture.</summary>
    public static string For(IReadOnlyList<string> instanceTypes) =>
        IsSingleArchitecture(instanceTypes)
            ? AmiOf(instanceTypes[0])
            : throw new InfrastructureConfigException($"Instance types ({string.Join(", ", instanceTypes)}) must be at least one and of one architecture: one node group runs arm64 (Graviton) or x86_64, not both.");

    private static string AmiOf(string instanceType) => GravitonFamily().IsMatch(instanceType) ? Arm : X86;

    // Graviton families carry a "g" right after the generation digit: m7g, c7gn, t4g, r8g, g5g.
    [GeneratedRegex(@"^[a-z]+\d+g[a-z]*\.", RegexOptions.CultureInvariant)]
    private static partial Regex GravitonFamily();
}
