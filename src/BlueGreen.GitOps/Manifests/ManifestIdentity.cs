using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.GitOps.Manifests;

/// <summary>What one YAML document declares itself to be: file, position, apiVersion, kind, name and namespace.</summary>
public sealed record ManifestIdentity(string Path, int Document, string ApiVersion, string Kind, string? Name, string? Namespace)
{
    /// <summary>The API group, empty for the core group (apiVersion v1).</summary>
    public string Group => ApiVersion.Contains('/', StringComparison.Ordinal) ? ApiVersion[..ApiVersion.IndexOf('/', StringComparison.Ordinal)] : string.Empty;

    /// <summary>Where to look: the file, and the document number when a file holds several.</summary>
    public string Location => Document == 0 ? Path : $"{Path} (document {Document + 1})";

    public override string ToString() => $"{Location}: {ApiVersion} {Kind} {Namespace}{(Namespace is null ? string.Empty : "/")}{Name}";

    /// <summary>Reads the identity of every document in <paramref name="content"/> without needing a typed model for it.</summary>
    public static IReadOnlyList<ManifestIdentity> Read(string path, string content)
    {
        var stream = new YamlStream();
        try
        {
            using var reader = new StringReader(content);
            stream.Load(reader);
        }
        catch (YamlException e)
        {
            throw new ManifestParseException($"{path}:{e.Start.Line}:{e.Start.Column}: not valid YAML: {e.Message}", e);
        }

        var identities = new List<ManifestIdentity>();
        for (var i = 0; i < stream.Documents.Count; i++)
        {
            if (stream.Documents[i].RootNode is not YamlMappingNode root)
            {
                throw new ManifestParseException($"{path}: document {i + 1} is not a mapping; every document must be one Kubernetes object.");
            }

            var apiVersion = Scalar(root, "apiVersion")
                ?? throw new ManifestParseException($"{path}: document {i + 1} has no apiVersion; every Kubernetes object names its API version.");
            var kind = Scalar(root, "kind")
                ?? throw new ManifestParseException($"{path}: document {i + 1} has no kind; every Kubernetes object names its kind.");
            var metadata = root.Children.TryGetValue(new YamlScalarNode("metadata"), out var node) ? node as YamlMappingNode : null;
            identities.Add(new ManifestIdentity(path, i, apiVersion, kind, metadata is null ? null : Scalar(metadata, "name"), metadata is null ? null : Scalar(metadata, "namespace")));
        }

        return identities;
    }

    private static string? Scalar(YamlMappingNode node, string key) =>
        node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode { Value: { Length: > 0 } text } ? text : null;
}
