using BlueGreen.Core.Configuration;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Core.Tests.Configuration;

/// <summary>The repository's default bluegreen.yaml, edited per test, loaded on a fixed date.</summary>
internal static class TestConfig
{
    /// <summary>The day the tests validate on: support dates are judged against it.</summary>
    public static readonly DateTimeOffset Today = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    private static readonly Lazy<string> DefaultText = new(() => File.ReadAllText(RepositoryRoot.Combine("bluegreen.yaml")));

    public static string DefaultYaml => DefaultText.Value;

    public static ConfigLoadResult Parse(string yaml, DateTimeOffset? on = null) =>
        ConfigLoader.Parse("bluegreen.yaml", yaml, new FakeTimeProvider(on ?? Today));

    /// <summary>The default file with <paramref name="old"/> (which must occur exactly once) replaced.</summary>
    public static string With(string old, string replacement) => With(DefaultYaml, old, replacement);

    public static string With(string yaml, string old, string replacement)
    {
        var first = yaml.IndexOf(old, StringComparison.Ordinal);
        Assert.True(first >= 0, $"The default bluegreen.yaml no longer contains '{old}'.");
        Assert.True(yaml.IndexOf(old, first + old.Length, StringComparison.Ordinal) < 0, $"'{old}' occurs more than once in the default bluegreen.yaml.");
        return string.Concat(yaml.AsSpan(0, first), replacement, yaml.AsSpan(first + old.Length));
    }

    /// <summary>Loads <paramref name="yaml"/> and returns its only error.</summary>
    public static ConfigError SingleError(string yaml, DateTimeOffset? on = null)
    {
        var result = Parse(yaml, on);
        Assert.Null(result.Config);
        return Assert.Single(result.Errors);
    }

    /// <summary>The 1-based line of the first occurrence of <paramref name="text"/> in <paramref name="yaml"/>.</summary>
    public static int LineOf(string yaml, string text)
    {
        var index = yaml.IndexOf(text, StringComparison.Ordinal);
        Assert.True(index >= 0, $"'{text}' is not in the YAML.");
        return yaml[..index].Count(c => c == '\n') + 1;
    }
}
