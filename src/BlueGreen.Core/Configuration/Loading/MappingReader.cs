using System.Globalization;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Core.Configuration.Loading;

/// <summary>Reads the keys of one YAML mapping with strict types, reporting unknown keys and every type error.</summary>
internal sealed partial class MappingReader
{
    private readonly ErrorSink _sink;
    private readonly YamlMappingNode _node;
    private readonly Dictionary<string, YamlNode> _values = new(StringComparer.Ordinal);

    public MappingReader(ErrorSink sink, YamlMappingNode node, string path, IReadOnlyCollection<string> knownKeys)
    {
        _sink = sink;
        _node = node;
        Path = path;
        sink.Record(path, node);
        foreach (var (keyNode, value) in node.Children)
        {
            var key = keyNode is YamlScalarNode scalar ? scalar.Value ?? string.Empty : string.Empty;
            var keyPath = Join(path, key);
            if (!knownKeys.Contains(key))
            {
                var nearest = KeySuggestion.Nearest(key, knownKeys);
                var hint = nearest is null
                    ? $"Known keys here: {string.Join(", ", knownKeys)}."
                    : $"Did you mean '{nearest}'?";
                sink.At(keyNode, keyPath, $"Unknown key '{key}'.", hint);
                continue;
            }

            _values[key] = value;
            sink.Record(keyPath, value);
        }
    }

    public string Path { get; }

    public Mark Start => _node.Start;

    public static string Join(string path, string key) => path.Length == 0 ? key : $"{path}.{key}";

    /// <summary>The node of <paramref name="key"/>, or null when absent or null-valued.</summary>
    public YamlNode? Node(string key) => _values.TryGetValue(key, out var node) && !IsNull(node) ? node : null;

    public string String(string key, string fallback = "", bool required = false) =>
        Scalar(key, required, "a string", (scalar, _) => scalar.Value ?? string.Empty) ?? fallback;

    public string? OptionalString(string key) => Scalar(key, false, "a string", (scalar, _) => scalar.Value);

    public int Int(string key, int fallback, bool required = false) =>
        Scalar<int?>(key, required, "a whole number", (scalar, path) =>
        {
            if (scalar.Style == ScalarStyle.Plain && WholeNumber().IsMatch(scalar.Value ?? string.Empty)
                && int.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Wrong(scalar, path, "a whole number");
            return null;
        }) ?? fallback;

    public double Double(string key, double fallback) =>
        Scalar<double?>(key, false, "a number", (scalar, path) =>
        {
            if (scalar.Style == ScalarStyle.Plain
                && double.TryParse(scalar.Value, NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value))
            {
                return value;
            }

            Wrong(scalar, path, "a number");
            return null;
        }) ?? fallback;

    public bool Bool(string key, bool fallback) =>
        Scalar<bool?>(key, false, "true or false", (scalar, path) =>
        {
            if (scalar.Style == ScalarStyle.Plain && bool.TryParse(scalar.Value, out var value))
            {
                return value;
            }

            Wrong(scalar, path, "true or false");
            return null;
        }) ?? fallback;

    public TimeSpan Duration(string key, TimeSpan fallback, bool required = false) =>
        Scalar<TimeSpan?>(key, required, "a duration", (scalar, path) => ReadDuration(scalar, path)) ?? fallback;

    public TimeSpan? ReadDuration(YamlScalarNode scalar, string path)
    {
        if (Configuration.Duration.TryParse(scalar.Value, out var value))
        {
            return value;
        }

        _sink.At(scalar, path, $"'{scalar.Value}' is not a duration.", $"Write {Configuration.Duration.Syntax}.");
        return null;
    }

    public T Enum<T>(string key, T fallback)
        where T : struct, System.Enum =>
        Scalar<T?>(key, false, "a word", (scalar, path) =>
        {
            var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
            if (names.Contains(scalar.Value) && System.Enum.TryParse<T>(scalar.Value, ignoreCase: true, out var value))
            {
                return value;
            }

            _sink.At(scalar, path, $"'{scalar.Value}' is not one of {string.Join(", ", names)}.", $"Write one of: {string.Join(" | ", names)}.");
            return null;
        }) ?? fallback;

    /// <summary>One word of <typeparamref name="T"/>, or a list of them; empty when absent.</summary>
    public IReadOnlyList<T> EnumList<T>(string key)
        where T : struct, System.Enum
    {
        if (Node(key) is not YamlSequenceNode sequence)
        {
            return Node(key) is null ? [] : [Enum(key, default(T))];
        }

        var names = System.Enum.GetNames<T>().Select(n => n.ToLowerInvariant()).ToArray();
        var items = new List<T>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{Join(Path, key)}[{i}]";
            var item = sequence.Children[i];
            _sink.Record(itemPath, item);
            if (item is YamlScalarNode { Value: { } text } && names.Contains(text) && System.Enum.TryParse<T>(text, ignoreCase: true, out var value))
            {
                items.Add(value);
            }
            else if (item is YamlScalarNode { Value: { } other } && !IsNull(item))
            {
                _sink.At(item, itemPath, $"'{other}' is not one of {string.Join(", ", names)}.", $"Write one of: {string.Join(" | ", names)}.");
            }
            else
            {
                Wrong(item, itemPath, "a word");
            }
        }

        return items;
    }

    public IReadOnlyList<string> StringList(string key, bool required = false)
    {
        var path = Join(Path, key);
        var node = Node(key);
        if (node is null)
        {
            Missing(key, required);
            return [];
        }

        if (node is not YamlSequenceNode sequence)
        {
            Wrong(node, path, "a list");
            return [];
        }

        var items = new List<string>();
        for (var i = 0; i < sequence.Children.Count; i++)
        {
            var itemPath = $"{path}[{i}]";
            var item = sequence.Children[i];
            _sink.Record(itemPath, item);
            if (item is YamlScalarNode { Value: { } text } && !IsNull(item))
            {
                items.Add(text);
            }
            else
            {
                Wrong(item, itemPath, "a string");
            }
        }

        return items;
    }

    /// <summary>A nested mapping, or null (after reporting) when absent or not a mapping.</summary>
    public MappingReader? Mapping(string key, bool required, params string[] knownKeys)
    {
        var node = Node(key);
        if (node is null)
        {
            Missing(key, required);
            return null;
        }

        if (node is not YamlMappingNode mapping)
        {
            Wrong(node, Join(Path, key), "a mapping of keys");
            return null;
        }

        return new MappingReader(_sink, mapping, Join(Path, key), knownKeys);
    }

    /// <summary>A nested list, or null (after reporting) when absent or not a list.</summary>
    public YamlSequenceNode? Sequence(string key, bool required)
    {
        var node = Node(key);
        if (node is null)
        {
            Missing(key, required);
            return null;
        }

        if (node is not YamlSequenceNode sequence)
        {
            Wrong(node, Join(Path, key), "a list");
            return null;
        }

        return sequence;
    }

    public void Wrong(YamlNode node, string path, string expected)
    {
        var found = node switch
        {
            YamlMappingNode => "a mapping",
            YamlSequenceNode => "a list",
            YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } s => $"the quoted text \"{s.Value}\"",
            YamlScalarNode s => $"'{s.Value}'",
            _ => "something else",
        };
        var hint = node is YamlScalarNode { Style: ScalarStyle.SingleQuoted or ScalarStyle.DoubleQuoted } && expected != "a string"
            ? "Remove the quotes."
            : null;
        _sink.At(node, path, $"Expected {expected}, found {found}.", hint);
    }

    private T? Scalar<T>(string key, bool required, string expected, Func<YamlScalarNode, string, T?> read)
    {
        var node = Node(key);
        var path = Join(Path, key);
        if (node is null)
        {
            Missing(key, required);
            return default;
        }

        if (node is not YamlScalarNode scalar)
        {
            Wrong(node, path, expected);
            return default;
        }

        return read(scalar, path);
    }

    private void Missing(string key, bool required)
    {
        if (required)
        {
            _sink.At(_node, Join(Path, key), $"The required key '{key}' is missing{(Path.Length > 0 ? $" in '{Path}'" : string.Empty)}.", $"Add '{key}:' with a value; the default bluegreen.yaml shows an example.");
        }
    }

    private static bool IsNull(YamlNode node) =>
        node is YamlScalarNode { Style: ScalarStyle.Plain, Value: null or "" or "~" or "null" or "Null" or "NULL" };

    [GeneratedRegex(@"^[-+]?\d+$", RegexOptions.CultureInvariant)]
    private static partial Regex WholeNumber();
}
