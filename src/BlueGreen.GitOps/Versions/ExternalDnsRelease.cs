using System.Globalization;
using System.Text.RegularExpressions;

namespace BlueGreen.GitOps.Versions;

/// <summary>A pinned ExternalDNS release (vMAJOR.MINOR.PATCH) and the behaviour that depends on it.</summary>
public sealed partial record ExternalDnsRelease(int Major, int Minor, int Patch)
{
    /// <summary>Annotation prefix of releases before v0.22.0.</summary>
    public const string LegacyAnnotationPrefix = "external-dns.alpha.kubernetes.io/";

    /// <summary>Annotation prefix that v0.22.0 made the default, with no fallback to the legacy one.</summary>
    public const string AnnotationPrefix = "external-dns.kubernetes.io/";

    /// <summary>The container image repository the project publishes releases to.</summary>
    public const string ImageRepository = "registry.k8s.io/external-dns/external-dns";

    /// <summary>Reads a pinned tag such as v0.23.0; false for anything else, <c>latest</c> included.</summary>
    public static bool TryParse(string? tag, out ExternalDnsRelease? release)
    {
        release = null;
        var match = tag is null ? Match.Empty : Pattern().Match(tag);
        if (!match.Success)
        {
            return false;
        }

        release = new ExternalDnsRelease(Number(match, "major"), Number(match, "minor"), Number(match, "patch"));
        return true;
    }

    /// <summary>The image tag, e.g. v0.23.0.</summary>
    public string Tag => string.Create(CultureInfo.InvariantCulture, $"v{Major}.{Minor}.{Patch}");

    /// <summary>Whether this release reads <see cref="AnnotationPrefix"/> by default (v0.22.0 and later).</summary>
    public bool UsesGaAnnotationPrefix => Major > 0 || Minor >= 22;

    /// <summary>The prefix this release reads annotations with, so rendered annotations match the running controller.</summary>
    public string AnnotationPrefixInUse => UsesGaAnnotationPrefix ? AnnotationPrefix : LegacyAnnotationPrefix;

    private static int Number(Match match, string group) => int.Parse(match.Groups[group].Value, CultureInfo.InvariantCulture);

    [GeneratedRegex(@"^v(?<major>[0-9]{1,3})\.(?<minor>[0-9]{1,3})\.(?<patch>[0-9]{1,3})$", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();
}
