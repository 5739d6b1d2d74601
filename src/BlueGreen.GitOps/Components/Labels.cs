namespace BlueGreen.GitOps.Components;

/// <summary>The recommended Kubernetes labels for one component, in a stable order.</summary>
internal static class Labels
{
    public const string Name = "app.kubernetes.io/name";

    public static SortedDictionary<string, string> For(string name) => new(StringComparer.Ordinal)
    {
        [Name] = name,
        ["app.kubernetes.io/part-of"] = "bluegreen",
        ["app.kubernetes.io/managed-by"] = "argocd",
    };

    /// <summary>The selector subset: only the name, because selectors are immutable once created.</summary>
    public static SortedDictionary<string, string> Selector(string name) => new(StringComparer.Ordinal) { [Name] = name };

    public static SortedDictionary<string, string> Sorted(IEnumerable<KeyValuePair<string, string>> pairs)
    {
        var sorted = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, value) in pairs)
        {
            sorted[key] = value;
        }

        return sorted;
    }
}
