using System.Text.Json;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Infrastructure;

/// <summary>
/// What the CDK app behind cdk.json does: load the configuration, synthesize every stack into the
/// directory the CDK CLI names, and report bad configuration as sentences with exit code 2.
/// </summary>
public static class CdkEntryPoint
{
    /// <summary>The CDK context key (<c>-c config=PATH</c>) that names another configuration file.</summary>
    public const string ConfigContextKey = "config";

    /// <summary>Runs the app with the CDK CLI's environment: CDK_CONTEXT_JSON and CDK_OUTDIR.</summary>
    public static int Run(IReadOnlyDictionary<string, string?> environment, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(environment);
        ArgumentNullException.ThrowIfNull(error);
        var configPath = ContextValue(environment.GetValueOrDefault("CDK_CONTEXT_JSON"), ConfigContextKey) ?? ConfigLoader.DefaultFileName;
        var outDir = environment.GetValueOrDefault("CDK_OUTDIR") ?? "cdk.out";

        var loaded = ConfigLoader.Load(configPath);
        if (loaded.Config is null)
        {
            foreach (var problem in loaded.Errors)
            {
                error.WriteLine($"error {problem}");
            }

            error.WriteLine($"{loaded.Errors.Count} error(s) in {configPath}; nothing was synthesized.");
            return 2;
        }

        try
        {
            InfrastructureApp.Synthesize(loaded.Config, outDir);
            return 0;
        }
        catch (InfrastructureConfigException e)
        {
            error.WriteLine($"error {configPath}: {e.Message}");
            return 2;
        }
    }

    private static string? ContextValue(string? contextJson, string key)
    {
        if (string.IsNullOrEmpty(contextJson))
        {
            return null;
        }

        using var context = JsonDocument.Parse(contextJson);
        return context.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
    }
}
