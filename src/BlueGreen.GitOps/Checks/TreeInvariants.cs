using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;

namespace BlueGreen.GitOps.Checks;

/// <summary>Every rule a rendered tree must keep before it is written or trusted; an empty list means it keeps them all.</summary>
public static class TreeInvariants
{
    public static IReadOnlyList<string> Check(RenderedTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var (manifests, parseErrors) = ManifestReader.ReadTree(tree);
        var errors = new List<string>(parseErrors);

        foreach (var colour in tree.Colours)
        {
            var own = manifests.Where(m => m.Identity.Path.StartsWith(colour.Colour + "/", StringComparison.Ordinal)).ToList();
            errors.AddRange(ApplicationTreeRules.Check(tree, colour.Colour, own));

            // Read identities file by file: a manifest of a removed API has no typed model, but must still be named.
            var identities = tree.FilesOf(colour.Colour).Where(f => ManifestReader.IsManifest(f.Path)).SelectMany(Identities);
            errors.AddRange(RemovedApiCheck.Find(identities, colour.KubernetesVersion).Select(f => f.Message));
        }

        errors.AddRange(manifests.SelectMany(WorkloadRules.Check));
        errors.AddRange(DnsOwnershipRules.Check(tree, manifests));
        return errors;
    }

    private static IReadOnlyList<ManifestIdentity> Identities(RenderedFile file)
    {
        try
        {
            return ManifestIdentity.Read(file.Path, file.Content);
        }
        catch (ManifestParseException)
        {
            // Already reported by the typed read.
            return [];
        }
    }
}
