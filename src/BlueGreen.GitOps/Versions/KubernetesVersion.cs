using System.Globalization;
using System.Text.RegularExpressions;

namespace BlueGreen.GitOps.Versions;

/// <summary>A Kubernetes minor version such as 1.33, compared as numbers (1.30 is newer than 1.4).</summary>
public readonly partial record struct KubernetesVersion(int Major, int Minor) : IComparable<KubernetesVersion>
{
    /// <summary>Reads "1.33" (or "v1.33", or "1.33.2", whose patch is ignored).</summary>
    public static bool TryParse(string? text, out KubernetesVersion version)
    {
        version = default;
        if (text is null)
        {
            return false;
        }

        var match = Pattern().Match(text.Trim());
        if (!match.Success)
        {
            return false;
        }

        version = new KubernetesVersion(
            int.Parse(match.Groups["major"].Value, CultureInfo.InvariantCulture),
            int.Parse(match.Groups["minor"].Value, CultureInfo.InvariantCulture));
        return true;
    }

    /// <summary>Reads a version or throws a <see cref="FormatException"/> that says what was expected.</summary>
    public static KubernetesVersion Parse(string? text) =>
        TryParse(text, out var version)
            ? version
            : throw new FormatException($"'{text}' is not a Kubernetes version; write it as a quoted string such as \"1.33\".");

    public int CompareTo(KubernetesVersion other) =>
        Major != other.Major ? Major.CompareTo(other.Major) : Minor.CompareTo(other.Minor);

    public static bool operator <(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) < 0;

    public static bool operator >(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) > 0;

    public static bool operator <=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) <= 0;

    public static bool operator >=(KubernetesVersion left, KubernetesVersion right) => left.CompareTo(right) >= 0;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Major}.{Minor}");

    [GeneratedRegex(@"^v?(?<major>[0-9]{1,3})\.(?<minor>[0-9]{1,3})(\.[0-9]{1,4})?$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
