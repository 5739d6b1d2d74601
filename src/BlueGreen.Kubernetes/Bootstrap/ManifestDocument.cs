using YamlDotNet.RepresentationModel;

namespace BlueGreen.Kubernetes.Bootstrap;

/// <summary>One object of a multi-document manifest: its identity and its YAML text, sent as is in a server-side apply.</summary>
public sealed record ManifestDocument(string ApiVersion, string Kind, string Name, string? Namespace, string Yaml)
{
    /// <summary>Splits a manifest on <c>---</c> lines (as kubectl does) and reads each object's identity; empty documents are skipped.</summary>
    public static IReadOnlyList<ManifestDocument> Split(string manifest, string source)
    {
        ArgumentNullException.ThrowIfNull(manifest);
        var documents = new List<ManifestDocument>();
        var chunks = manifest.ReplaceLineEndings("\n").Split('\n')
            .Aggregate(new List<List<string>> { new() }, (all, line) =>
            {
                if (line.StartsWith("---", StringComparison.Ordinal))
                {
                    all.Add([]);
                }
                else
                {
                    all[^1].Add(line);
                }

                return all;
            });
        foreach (var (chunk, index) in chunks.Select((c, i) => (string.Join('\n', c), i)))
        {
            var stream = new YamlStream();
            try
            {
                stream.Load(new StringReader(chunk));
            }
            catch (YamlDotNet.Core.YamlException e)
            {
                throw new FormatException($"{source}, document {index + 1}: not valid YAML ({e.Message}).", e);
            }

            if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is not YamlMappingNode root)
            {
                continue;
            }

            string? Scalar(YamlMappingNode node, string key) =>
                node.Children.TryGetValue(new YamlScalarNode(key), out var value) && value is YamlScalarNode scalar ? scalar.Value : null;

            var metadata = root.Children.TryGetValue(new YamlScalarNode("metadata"), out var m) ? m as YamlMappingNode : null;
            var apiVersion = Scalar(root, "apiVersion");
            var kind = Scalar(root, "kind");
            var name = metadata is null ? null : Scalar(metadata, "name");
            if (apiVersion is null || kind is null || name is null)
            {
                throw new FormatException($"{source}, document {index + 1}: an object needs apiVersion, kind and metadata.name.");
            }

            documents.Add(new ManifestDocument(apiVersion, kind, name, Scalar(metadata!, "namespace"), chunk));
        }

        return documents;
    }

    public override string ToString() => $"{Kind} {(Namespace is null ? string.Empty : Namespace + "/")}{Name}";
}
