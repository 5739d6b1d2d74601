using BlueGreen.GitOps.Argo;
using BlueGreen.GitOps.Rendering;
using k8s;
using YamlDotNet.Core;

namespace BlueGreen.GitOps.Manifests;

/// <summary>Reads rendered YAML back into the Kubernetes client's typed models, where an unknown or mistyped field is an error.</summary>
public static class ManifestReader
{
    private static readonly Dictionary<string, Type> ExtraTypes = new(StringComparer.Ordinal)
    {
        [$"{Application.ApiVersionValue}/{Application.KindValue}"] = typeof(Application),
    };

    private static readonly HashSet<string> KnownTypes = BuildKnownTypes();

    /// <summary>Whether <paramref name="path"/> is a manifest (YAML) rather than documentation.</summary>
    public static bool IsManifest(string path) =>
        path.EndsWith(".yaml", StringComparison.Ordinal) || path.EndsWith(".yml", StringComparison.Ordinal);

    /// <summary>Every document of one file, typed; throws <see cref="ManifestParseException"/> naming the file and the field.</summary>
    public static IReadOnlyList<ParsedManifest> Read(RenderedFile file)
    {
        ArgumentNullException.ThrowIfNull(file);
        var identities = ManifestIdentity.Read(file.Path, file.Content);
        foreach (var identity in identities)
        {
            if (!KnownTypes.Contains($"{identity.ApiVersion}/{identity.Kind}"))
            {
                throw new ManifestParseException($"{identity.Location}: {identity.ApiVersion} {identity.Kind} has no typed model; use a served API version of the kind.");
            }
        }

        List<object> values;
        try
        {
            values = KubernetesYaml.LoadAllFromString(file.Content, ExtraTypes, strict: true);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException is { } inner ? $"{e.Message} {inner.Message}" : e.Message;
            throw new ManifestParseException($"{file.Path}:{e.Start.Line}:{e.Start.Column}: {reason}", e);
        }
        catch (Exception e) when (e is InvalidOperationException or FormatException or OverflowException)
        {
            // A value converter that failed outside YamlDotNet's own error handling: still the file's fault.
            throw new ManifestParseException($"{file.Path}: {e.Message}", e);
        }

        return identities.Zip(values, (identity, value) => new ParsedManifest(identity, value)).ToList();
    }

    /// <summary>Every manifest of the tree, typed, plus one message per file that does not read back.</summary>
    public static (IReadOnlyList<ParsedManifest> Manifests, IReadOnlyList<string> Errors) ReadTree(RenderedTree tree)
    {
        ArgumentNullException.ThrowIfNull(tree);
        var manifests = new List<ParsedManifest>();
        var errors = new List<string>();
        foreach (var file in tree.Files.Where(f => IsManifest(f.Path)))
        {
            try
            {
                manifests.AddRange(Read(file));
            }
            catch (ManifestParseException e)
            {
                errors.Add(e.Message);
            }
        }

        return (manifests, errors);
    }

    private static HashSet<string> BuildKnownTypes()
    {
        var known = new HashSet<string>(ExtraTypes.Keys, StringComparer.Ordinal);
        foreach (var type in typeof(KubernetesYaml).Assembly.GetExportedTypes())
        {
            if (type.GetCustomAttributes(typeof(k8s.Models.KubernetesEntityAttribute), false).FirstOrDefault() is k8s.Models.KubernetesEntityAttribute entity)
            {
                var group = string.IsNullOrEmpty(entity.Group) ? string.Empty : entity.Group + "/";
                known.Add($"{group}{entity.ApiVersion}/{entity.Kind}");
            }
        }

        return known;
    }
}
