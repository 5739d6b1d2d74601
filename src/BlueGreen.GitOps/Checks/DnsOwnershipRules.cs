using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Versions;
using k8s.Models;

namespace BlueGreen.GitOps.Checks;

/// <summary>
/// Rules that keep DNS ownership unambiguous: one ExternalDNS per colour with its own owner id, annotations in the prefix
/// that ExternalDNS release reads, and every hostname published by at most one colour and never the service name.
/// </summary>
public static class DnsOwnershipRules
{
    public static IReadOnlyList<string> Check(RenderedTree tree, IReadOnlyList<ParsedManifest> manifests)
    {
        ArgumentNullException.ThrowIfNull(tree);
        ArgumentNullException.ThrowIfNull(manifests);
        var errors = new List<string>();
        var owners = new Dictionary<string, string>(StringComparer.Ordinal);
        var claims = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);

        foreach (var colour in tree.Colours.Select(c => c.Colour))
        {
            var own = manifests.Where(m => m.Identity.Path.StartsWith(colour + "/", StringComparison.Ordinal)).ToList();
            var controllers = own.Where(m => m.Value is V1Deployment d && ExternalDnsContainer(d) is not null).ToList();
            if (controllers.Count != 1)
            {
                errors.Add($"{colour}: expected one ExternalDNS Deployment, found {controllers.Count}.");
                continue;
            }

            var location = controllers[0].Identity.Location;
            var container = ExternalDnsContainer((V1Deployment)controllers[0].Value)!;
            var settings = ExternalDnsSettings.From(container, out var settingsError);
            if (settings is null)
            {
                errors.Add($"{location}: {settingsError}");
                continue;
            }

            if (settings.OwnerId is null)
            {
                errors.Add($"{location}: ExternalDNS has no --txt-owner-id; it would share the default owner with every other cluster.");
            }
            else if (owners.TryGetValue(settings.OwnerId, out var other))
            {
                errors.Add($"{location}: owner id '{settings.OwnerId}' is also {other}'s; two clusters with one owner id delete each other's records.");
            }
            else
            {
                owners[settings.OwnerId] = colour;
            }

            if (!settings.HasPolicy)
            {
                errors.Add($"{location}: ExternalDNS has no --policy; from v0.22.0 it refuses to start without one.");
            }

            var published = new List<string>();
            foreach (var ingress in own.Where(m => m.Value is V1Ingress))
            {
                errors.AddRange(PrefixProblems((V1Ingress)ingress.Value, settings).Select(problem => $"{ingress.Identity.Location}: {problem}"));
                published.AddRange(settings.PublishedHostnames((V1Ingress)ingress.Value));
            }

            if (published.Count == 0)
            {
                errors.Add($"{colour}: ExternalDNS publishes no hostname, so the colour cannot be tested by its own name before it takes traffic.");
            }

            foreach (var host in published.Distinct(StringComparer.OrdinalIgnoreCase))
            {
                if (string.Equals(host, tree.ServiceHost, StringComparison.OrdinalIgnoreCase))
                {
                    errors.Add($"{colour}: ExternalDNS would publish the service name {host}, whose weighted records belong to the cutover engine.");
                }
                else if (claims.TryGetValue(host, out var claimant))
                {
                    errors.Add($"{colour}: ExternalDNS would publish {host}, which {claimant} publishes too.");
                }
                else
                {
                    claims[host] = colour;
                }
            }
        }

        return errors;
    }

    private static V1Container? ExternalDnsContainer(V1Deployment deployment) =>
        (deployment.Spec?.Template?.Spec?.Containers ?? [])
        .FirstOrDefault(c => c.Image?.StartsWith(ExternalDnsRelease.ImageRepository + ":", StringComparison.Ordinal) == true);

    private static IEnumerable<string> PrefixProblems(V1Ingress ingress, ExternalDnsSettings settings)
    {
        foreach (var key in ingress.Metadata?.Annotations?.Keys ?? [])
        {
            var prefix = new[] { ExternalDnsRelease.AnnotationPrefix, ExternalDnsRelease.LegacyAnnotationPrefix }
                .FirstOrDefault(p => key.StartsWith(p, StringComparison.Ordinal));
            if (prefix is not null && prefix != settings.AnnotationPrefix)
            {
                yield return $"annotation {key} uses the prefix {prefix}, but ExternalDNS {settings.Release.Tag} reads {settings.AnnotationPrefix}; it would be ignored.";
            }
        }
    }
}
