using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>
/// One synthesis of a configuration into a temporary directory, read back both as CDK assertion
/// templates and as plain JSON. Synthesis starts the CDK runtime, so fixtures share one per app.
/// </summary>
public abstract class SynthesizedApp : IDisposable
{
    private readonly string _directory = Path.Combine(Path.GetTempPath(), "bluegreen-synth-" + Guid.NewGuid().ToString("N"));

    protected SynthesizedApp(EnvironmentConfig config)
    {
        Config = config;
        Result = InfrastructureApp.Synthesize(config, _directory);
        Json = Result.Stacks.ToDictionary(s => s.Name, s => JsonNode.Parse(File.ReadAllText(s.TemplatePath))!.AsObject());
        Templates = Result.Stacks.ToDictionary(s => s.Name, s => Template.FromString(File.ReadAllText(s.TemplatePath)));
    }

    public EnvironmentConfig Config { get; }

    public SynthesisResult Result { get; }

    /// <summary>Each stack's template as JSON, by stack name.</summary>
    public IReadOnlyDictionary<string, JsonObject> Json { get; }

    /// <summary>Each stack's template for CDK assertions, by stack name.</summary>
    public IReadOnlyDictionary<string, Template> Templates { get; }

    public Template Common => Templates[StackNames.Common(Config.Environment)];

    public Template Ci => Templates[StackNames.Ci(Config.Environment)];

    public Template Cluster(string colour) => Templates[StackNames.Cluster(Config.Environment, colour)];

    /// <summary>The resources of a stack, by logical id.</summary>
    public IEnumerable<KeyValuePair<string, JsonNode?>> Resources(string stackName) => Json[stackName]["Resources"]!.AsObject();

    public void Dispose()
    {
        if (Directory.Exists(_directory))
        {
            Directory.Delete(_directory, recursive: true);
        }

        GC.SuppressFinalize(this);
    }
}
