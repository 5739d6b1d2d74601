using System.Reflection;
using System.Text;
using System.Text.Json.Serialization;
using k8s.Models;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace BlueGreen.GitOps.Manifests;

/// <summary>Writes Kubernetes and Argo CD objects as YAML that is byte-identical for equal input.</summary>
/// <remarks>
/// The Kubernetes client's own serializer leaves strings such as <c>0x1F</c> or <c>12:30</c> unquoted, which the
/// YAML 1.1 reader inside kubectl and Argo CD turns into numbers; this writer quotes every string that is not plainly
/// a word, and always ends lines with LF so a checkout on any system renders the same bytes.
/// </remarks>
public static class ManifestYaml
{
    private static readonly Lazy<ISerializer> Serializer = new(Build);

    /// <summary>One YAML document for <paramref name="value"/>, without a leading <c>---</c>.</summary>
    public static string Serialize(object value)
    {
        ArgumentNullException.ThrowIfNull(value);
        var builder = new StringBuilder();
        using var writer = new StringWriter(builder) { NewLine = "\n" };
        Serializer.Value.Serialize(writer, value, value.GetType());
        return builder.ToString().Replace("\r\n", "\n", StringComparison.Ordinal);
    }

    private static ISerializer Build()
    {
        var builder = new SerializerBuilder()
            .DisableAliases()
            .WithNamingConvention(CamelCaseNamingConvention.Instance)
            .WithTypeConverter(new IntOrStringYamlConverter())
            .WithTypeConverter(new ResourceQuantityYamlConverter())
            .WithEventEmitter(next => new SafeQuotingEventEmitter(next))
            .ConfigureDefaultValuesHandling(DefaultValuesHandling.OmitNull);

        // The generated models name their wire fields with System.Text.Json attributes; YAML must use the same names
        // (metadata.namespace is the property NamespaceProperty, for example). Only names the camelCase convention
        // gets wrong are overridden: every override is scanned on each member lookup, so thousands would be slow.
        var models = typeof(V1Pod).Assembly.GetExportedTypes()
            .Where(t => t.Namespace == typeof(V1Pod).Namespace && t is { IsClass: true, IsAbstract: false });
        foreach (var type in models)
        {
            foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance))
            {
                if (property.GetCustomAttribute<JsonPropertyNameAttribute>() is { } json
                    && json.Name != CamelCaseNamingConvention.Instance.Apply(property.Name))
                {
                    builder.WithAttributeOverride(type, property.Name, new YamlMemberAttribute { Alias = json.Name, ApplyNamingConventions = false });
                }
            }
        }

        return builder.Build();
    }
}
