using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Checks;

/// <summary>How one ExternalDNS container is configured, read from its image and arguments as the controller reads them.</summary>
public sealed record ExternalDnsSettings(ExternalDnsRelease Release, IReadOnlyList<string> Arguments)
{
    public string? OwnerId => Value("--txt-owner-id");

    public bool HasPolicy => Value("--policy") is not null;

    /// <summary>The prefix the controller reads: <c>--annotation-prefix</c>, or its release's default.</summary>
    public string AnnotationPrefix => Value("--annotation-prefix") ?? Release.AnnotationPrefixInUse;

    /// <summary>Reads the release from the image tag; null with <paramref name="error"/> when the tag is not a pinned release.</summary>
    public static ExternalDnsSettings? From(V1Container container, out string? error)
    {
        ArgumentNullException.ThrowIfNull(container);
        // repository:tag, or repository:tag@sha256:digest when the image is pinned by digest.
        var image = container.Image?.Split('@')[0];
        var tag = image?[(image.LastIndexOf(':') + 1)..];
        if (!ExternalDnsRelease.TryParse(tag, out var release))
        {
            error = $"ExternalDNS image '{container.Image}' is not a pinned release such as v0.23.0, so its annotation prefix is unknown.";
            return null;
        }

        error = null;
        return new ExternalDnsSettings(release!, container.Args?.ToList() ?? []);
    }

    /// <summary>The hostnames ExternalDNS's ingress source takes from <paramref name="ingress"/>, by its documented rules.</summary>
    public IEnumerable<string> PublishedHostnames(V1Ingress ingress)
    {
        ArgumentNullException.ThrowIfNull(ingress);
        var annotations = ingress.Metadata?.Annotations ?? new Dictionary<string, string>();
        annotations.TryGetValue(AnnotationPrefix + "ingress-hostname-source", out var source);
        var annotationOnly = source == "annotation-only";

        if (!annotationOnly && !Has("--ignore-ingress-rules-spec"))
        {
            foreach (var rule in ingress.Spec?.Rules ?? [])
            {
                if (!string.IsNullOrEmpty(rule.Host))
                {
                    yield return rule.Host;
                }
            }
        }

        if (!annotationOnly && !Has("--ignore-ingress-tls-spec"))
        {
            foreach (var host in (ingress.Spec?.Tls ?? []).SelectMany(tls => tls.Hosts ?? []))
            {
                yield return host;
            }
        }

        if (source != "defined-hosts-only" && !Has("--ignore-hostname-annotation")
            && annotations.TryGetValue(AnnotationPrefix + "hostname", out var hostnames))
        {
            foreach (var host in hostnames.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
            {
                yield return host;
            }
        }
    }

    private bool Has(string flag) => Arguments.Any(a => a == flag || a == flag + "=true");

    private string? Value(string flag) =>
        Arguments.Where(a => a.StartsWith(flag + "=", StringComparison.Ordinal)).Select(a => a[(flag.Length + 1)..]).LastOrDefault();
}
