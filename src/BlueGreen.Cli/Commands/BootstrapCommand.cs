using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Text;
using BlueGreen.GitOps.Rendering;
using BlueGreen.Kubernetes.Access;
using BlueGreen.Kubernetes.Bootstrap;
using BlueGreen.Kubernetes.Clusters;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen bootstrap &lt;colour&gt;</c>: installs the pinned Argo CD, applies the colour's root app-of-apps, waits until ready.</summary>
[Description("Install Argo CD (pinned version, server-side apply) and the colour's root app-of-apps, then wait until the colour is ready. Safe to rerun.")]
public sealed class BootstrapCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices services) : ConfigCommand<BootstrapCommand.Settings>(console, timeProvider)
{
    private const string RootFile = BlueGreen.GitOps.Components.Layout.RootFile;

    // Rendered by the GitOps renderer as argocd/argocd-cm-health.yaml under gitops.path.
    private const string HealthFile = "argocd/argocd-cm-health.yaml";

    /// <summary>Options of <c>bootstrap</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandArgument(0, "<COLOUR>")]
        [Description("The colour whose cluster to bootstrap.")]
        public string Colour { get; init; } = string.Empty;

        [CommandOption("--manifest <FILE>")]
        [Description("A local copy of Argo CD's install.yaml for gitops.argoCdVersion, instead of downloading it.")]
        public string? Manifest { get; init; }

        [CommandOption("--timeout <MINUTES>")]
        [Description("How long to wait for Argo CD and then for the colour to become ready.")]
        [DefaultValue(20)]
        public int TimeoutMinutes { get; init; } = 20;
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        var cluster = config.Clusters.FirstOrDefault(c => c.Colour == settings.Colour)
            ?? throw new UserInputException($"No cluster has the colour '{settings.Colour}' in {settings.Config}. Known colours: {string.Join(", ", config.Clusters.Select(c => c.Colour))}.");
        if (settings.TimeoutMinutes < 1)
        {
            throw new UserInputException("--timeout must be at least 1 minute.");
        }

        if (settings.Manifest is not null && !File.Exists(settings.Manifest))
        {
            throw new UserInputException($"--manifest {settings.Manifest}: no such file.");
        }

        var install = settings.Manifest is not null
            ? await File.ReadAllTextAsync(settings.Manifest, cancellationToken)
            : await DownloadAsync(config.GitOps.ArgoCdVersion, cancellationToken);
        var rootManifest = RootManifest(config, settings.Config, cluster.Colour);
        var healthManifest = TreeFile(config, settings.Config, HealthFile);

        k8s.Kubernetes kubernetes;
        try
        {
            // Server-side apply needs the client's own HTTP pipeline (authentication included).
            kubernetes = services.Kubernetes.Create(cluster.Context) as k8s.Kubernetes
                ?? throw new CommandFailedException($"The client for context {cluster.Context} cannot send raw requests.");
        }
        catch (KubeconfigException e)
        {
            throw new CommandFailedException(e.Message, e);
        }

        var lines = new List<string>();
        using (kubernetes)
        {
            var probe = new KubernetesClusterProbe(services.Kubernetes, new ClusterProbeOptions
            {
                Contexts = config.Clusters.ToDictionary(c => c.Colour, c => c.Context),
                RepoUrl = config.GitOps.RepoUrl,
                TargetRevision = config.GitOps.Revision,
                ChartVersions = new Dictionary<string, string> { ["aws-load-balancer-controller"] = config.GitOps.LoadBalancerControllerChart },
            });
            var bootstrap = new ArgoCdBootstrap(new ServerSideApply(kubernetes.HttpClient, kubernetes.BaseUri), kubernetes, probe, Time, line => Report(settings, lines, line));
            try
            {
                await bootstrap.RunAsync(cluster.Colour, install, healthManifest, rootManifest, TimeSpan.FromMinutes(settings.TimeoutMinutes), TimeSpan.FromSeconds(15), cancellationToken);
            }
            catch (Exception e) when (AwsModeErrors.IsExpected(e) || e is FormatException)
            {
                throw new CommandFailedException(AwsModeErrors.Describe(e), e);
            }
        }

        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new { ok = true, colour = cluster.Colour, argoCdVersion = config.GitOps.ArgoCdVersion, steps = lines });
        }

        return ExitCodes.Ok;
    }

    private void Report(GlobalSettings settings, List<string> lines, string line)
    {
        lines.Add(line);
        if (settings.Output == OutputFormat.Text)
        {
            Console.MarkupLineInterpolated($"{line}");
        }
    }

    private async Task<string> DownloadAsync(string version, CancellationToken cancellationToken)
    {
        var url = ArgoCdManifest.Url(version);
        try
        {
            return await services.Download(url, cancellationToken);
        }
        catch (HttpRequestException e)
        {
            throw new CommandFailedException($"Could not download Argo CD's install manifest from {url}: {Sentences.Clause(e.Message)}. Download it elsewhere and pass --manifest <file>.", e);
        }
    }

    private static string RootManifest(EnvironmentConfig config, string configPath, string colour) => TreeFile(config, configPath, $"{colour}/{RootFile}");

    private static string TreeFile(EnvironmentConfig config, string configPath, string file)
    {
        // The committed tree is what Argo CD follows; the rendered one stands in before the first commit.
        var onDisk = Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, config.GitOps.Path, file);
        if (File.Exists(onDisk))
        {
            return File.ReadAllText(onDisk);
        }

        return GitOpsRenderer.Render(config).Find(file)?.Content
            ?? throw new CommandFailedException($"The rendered tree has no {file}; run `bluegreen gitops render`.");
    }
}
