using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Reads the sample app's committed buildspec (copied next to the tests) for what it needs from the CI stack.</summary>
internal static partial class Buildspec
{
    /// <summary>Variables the buildspec stops without: each <c>test -n "$NAME"</c> guard of its commands.</summary>
    public static IReadOnlyList<string> RequiredVariables()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Assets", "buildspec.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        var root = (YamlMappingNode)stream.Documents.Single().RootNode;
        var phases = (YamlMappingNode)root.Children[new YamlScalarNode("phases")];
        return phases.Children.Values
            .Cast<YamlMappingNode>()
            .SelectMany(phase => (YamlSequenceNode)phase.Children[new YamlScalarNode("commands")])
            .Select(command => ((YamlScalarNode)command).Value ?? string.Empty)
            .SelectMany(command => RequiredGuard().Matches(command).Select(match => match.Groups[1].Value))
            .Distinct(StringComparer.Ordinal)
            .ToList();
    }

    [GeneratedRegex(@"test -n ""\$\{?([A-Z_][A-Z0-9_]*)\}?""")]
    private static partial Regex RequiredGuard();
}
