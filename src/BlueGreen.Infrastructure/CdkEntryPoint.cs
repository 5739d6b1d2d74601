using Amazon.CDK;
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

    /// <summary>
    /// Runs the app as the CDK CLI starts it. The CDK reads its own inputs: the context from
    /// CDK_CONTEXT_JSON or, when the context is too large for the environment, from the file the
    /// CLI names instead; and the output directory from CDK_OUTDIR.
    /// </summary>
    public static int Run(TextWriter error) => Run(new AppProps(), error);

    /// <summary>Runs with explicit app properties (context, output directory) on top of the CLI's environment.</summary>
    public static int Run(AppProps props, TextWriter error)
    {
        ArgumentNullException.ThrowIfNull(props);
        ArgumentNullException.ThrowIfNull(error);
        // The CDK creates its output directory as the app is constructed; a failed run removes the one it created.
        var outDirWasCreated = props.Outdir is { } requested && !Directory.Exists(requested);
        var app = InfrastructureApp.NewApp(props);
        var configPath = app.Node.TryGetContext(ConfigContextKey) is string { Length: > 0 } named ? named : ConfigLoader.DefaultFileName;

        var loaded = ConfigLoader.Load(configPath);
        if (loaded.Config is null)
        {
            foreach (var problem in loaded.Errors)
            {
                error.WriteLine($"error {problem}");
            }

            error.WriteLine($"{loaded.Errors.Count} error(s) in {configPath}; nothing was synthesized.");
            RemoveEmptyOutput(app, outDirWasCreated);
            return 2;
        }

        try
        {
            InfrastructureApp.Synthesize(loaded.Config, app);
            return 0;
        }
        catch (InfrastructureConfigException e)
        {
            error.WriteLine($"error {configPath}: {e.Message}");
            RemoveEmptyOutput(app, outDirWasCreated);
            return 2;
        }
    }

    private static void RemoveEmptyOutput(App app, bool outDirWasCreated)
    {
        if (outDirWasCreated && Directory.Exists(app.Outdir) && !Directory.EnumerateFileSystemEntries(app.Outdir).Any())
        {
            Directory.Delete(app.Outdir);
        }
    }
}
