using System.Text.Json;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure;

// The CDK app behind cdk.json: `npx cdk synth` and `cdk deploy` run it from the repository root.
// The configuration is ./bluegreen.yaml, or the file named by `-c config=PATH`.
var configPath = ContextValue("config") ?? ConfigLoader.DefaultFileName;
var outDir = Environment.GetEnvironmentVariable("CDK_OUTDIR") ?? "cdk.out";

var loaded = ConfigLoader.Load(configPath);
if (loaded.Config is null)
{
    foreach (var error in loaded.Errors)
    {
        Console.Error.WriteLine($"error {error}");
    }

    Console.Error.WriteLine($"{loaded.Errors.Count} error(s) in {configPath}; nothing was synthesized.");
    return 2;
}

try
{
    InfrastructureApp.Synthesize(loaded.Config, outDir);
    return 0;
}
catch (InfrastructureConfigException e)
{
    Console.Error.WriteLine($"error {configPath}: {e.Message}");
    return 2;
}

// The CDK CLI hands the app its context (cdk.json "context" and every -c key=value) as JSON in CDK_CONTEXT_JSON.
static string? ContextValue(string key)
{
    var json = Environment.GetEnvironmentVariable("CDK_CONTEXT_JSON");
    if (string.IsNullOrEmpty(json))
    {
        return null;
    }

    using var context = JsonDocument.Parse(json);
    return context.RootElement.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
