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
        CdkRuntime.EnsureConfigured();

        var app = new App(new AppProps
        {
            Outdir = outDir,
            // Synthesis stays deterministic and fast: no analytics resource, no per-construct stack traces.
            AnalyticsReporting = false,
            StackTraces = false,
        });
        var props = new StackProps
        {
            Env = new Amazon.CDK.Environment { Account = config.Account, Region = config.Region },
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
    public static SynthesisResult Synthesize(EnvironmentConfig config, string outDir)
    {
        var stacks = Build(config, outDir);
        var assembly = stacks.App.Synth();
        var templates = assembly.Stacks
            .Select(s => new SynthesizedStack(s.StackName, s.TemplateFullPath))
            .ToList();
        return new SynthesisResult(assembly.Directory, templates);
    }
}
