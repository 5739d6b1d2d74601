using Amazon.CDK;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Ci;
using BlueGreen.Infrastructure.Clusters;
using BlueGreen.Infrastructure.Common;

namespace BlueGreen.Infrastructure;

/// <summary>Builds an environment's stacks (common, ci, one cluster per colour) into a CDK app and synthesizes them.</summary>
public static class InfrastructureApp
{
    /// <summary>Builds the stacks into a new app that writes to <paramref name="outDir"/>.</summary>
    public static InfrastructureStacks Build(EnvironmentConfig config, string outDir)
    {
        ArgumentNullException.ThrowIfNull(config);
        InfrastructureConfigCheck.ThrowIfInvalid(config);
        return Build(config, NewApp(new AppProps { Outdir = outDir }));
    }

    /// <summary>
    /// A CDK app with this project's synthesis settings. Unset properties come from the CDK CLI's
    /// environment: the context (CDK_CONTEXT_JSON, or the file it overflows into) and CDK_OUTDIR.
    /// Sets the synthesis settings on <paramref name="props"/> itself.
    /// </summary>
    public static App NewApp(AppProps props)
    {
        ArgumentNullException.ThrowIfNull(props);
        CdkRuntime.EnsureConfigured();
        // Synthesis stays deterministic and fast: no analytics resource, no per-construct stack traces.
        props.AnalyticsReporting = false;
        props.StackTraces = false;
        return new App(props);
    }

    /// <summary>Builds the stacks into <paramref name="app"/>.</summary>
    public static InfrastructureStacks Build(EnvironmentConfig config, App app)
    {
        ArgumentNullException.ThrowIfNull(config);
        ArgumentNullException.ThrowIfNull(app);
        InfrastructureConfigCheck.ThrowIfInvalid(config);
        // The region only: the account stays AWS::AccountId, so the key policies, ARNs and the image repository URI
        // of one template hold in whichever account it is deployed to.
        var props = new StackProps
        {
            Env = new Amazon.CDK.Environment { Region = config.Region },
        };

        var common = new CommonStack(app, config, props);
        var ci = new CiStack(app, config, props);
        var clusters = config.Clusters.Select(cluster =>
        {
            var stack = new ClusterStack(app, config, cluster, props);
            // Orders a deployment of everything; the stacks share no export, so either side may be destroyed alone.
            stack.AddDependency(common);
            Tags.Of(stack).Add(ResourceTags.Colour, cluster.Colour);
            return stack;
        }).ToList();

        Tags.Of(app).Add(ResourceTags.Environment, config.Environment);
        Tags.Of(app).Add(ResourceTags.ManagedBy, ResourceTags.ManagedByValue);
        return new InfrastructureStacks(app, common, ci, clusters);
    }

    /// <summary>Builds and synthesizes every stack into <paramref name="outDir"/>; returns the written templates.</summary>
    public static SynthesisResult Synthesize(EnvironmentConfig config, string outDir) => Synthesize(Build(config, outDir));

    /// <summary>Builds and synthesizes every stack into <paramref name="app"/>'s output directory.</summary>
    public static SynthesisResult Synthesize(EnvironmentConfig config, App app) => Synthesize(Build(config, app));

    private static SynthesisResult Synthesize(InfrastructureStacks stacks)
    {
        var assembly = stacks.App.Synth();
        var templates = assembly.Stacks
            .Select(s => new SynthesizedStack(s.StackName, s.TemplateFullPath))
            .ToList();
        return new SynthesisResult(assembly.Directory, templates);
    }
}
