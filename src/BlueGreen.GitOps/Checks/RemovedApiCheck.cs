using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Versions;

namespace BlueGreen.GitOps.Checks;

/// <summary>Finds manifests that use an API version a cluster of a given Kubernetes version no longer serves.</summary>
public static class RemovedApiCheck
{
    private static readonly ILookup<(string ApiVersion, string Kind), RemovedApi> Table =
        KubernetesRemovedApis.All.ToLookup(api => (api.ApiVersion, api.Kind));

    /// <summary>Findings for <paramref name="manifests"/> applied to a cluster running <paramref name="kubernetesVersion"/> (e.g. "1.33").</summary>
    /// <exception cref="FormatException">The version is not a Kubernetes version.</exception>
    public static IReadOnlyList<RemovedApiFinding> Find(IEnumerable<ManifestIdentity> manifests, string kubernetesVersion)
    {
        ArgumentNullException.ThrowIfNull(manifests);
        var version = KubernetesVersion.Parse(kubernetesVersion);
        return manifests
            .SelectMany(manifest => Table[(manifest.ApiVersion, manifest.Kind)]
                .Where(api => version >= api.RemovedIn)
                .Select(api => new RemovedApiFinding(manifest, api, version)))
            .ToList();
    }

    /// <summary>Findings for every colour's directory against that colour's cluster version.</summary>
    public static IReadOnlyList<RemovedApiFinding> Find(RenderedTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var findings = new List<RemovedApiFinding>();
        foreach (var colour in tree.Colours)
        {
            var identities = tree.FilesOf(colour.Colour)
                .Where(file => ManifestReader.IsManifest(file.Path))
                .SelectMany(file => ManifestIdentity.Read(file.Path, file.Content));
            findings.AddRange(Find(identities, colour.KubernetesVersion));
        }

        return findings;
    }

    /// <summary>Findings for every YAML file under <paramref name="directory"/> (e.g. the live colour's tree) on <paramref name="kubernetesVersion"/>.</summary>
    /// <exception cref="ManifestParseException">A file is not valid YAML or a document is not a Kubernetes object.</exception>
    public static IReadOnlyList<RemovedApiFinding> FindInDirectory(string directory, string kubernetesVersion)
    {
        if (!Directory.Exists(directory))
        {
            throw new DirectoryNotFoundException($"{directory} does not exist; render the GitOps tree first (bluegreen gitops render).");
        }

        var identities = Directory.EnumerateFiles(directory, "*", SearchOption.AllDirectories)
            .Where(ManifestReader.IsManifest)
            .Order(StringComparer.Ordinal)
            .SelectMany(path => ManifestIdentity.Read(Path.GetRelativePath(directory, path).Replace(Path.DirectorySeparatorChar, '/'), File.ReadAllText(path)));
        return Find(identities, kubernetesVersion);
    }
}
