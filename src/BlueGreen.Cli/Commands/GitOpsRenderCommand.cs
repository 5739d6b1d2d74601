using System.ComponentModel;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Drift;
using BlueGreen.GitOps.Rendering;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen gitops render [--check]</c>: renders the GitOps tree from the configuration, or checks that it is current.</summary>
[Description("Render deploy/ (Argo CD apps per colour) from bluegreen.yaml, or check that it is up to date.")]
public sealed class GitOpsRenderCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<GitOpsRenderCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>gitops render</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--check")]
        [Description("Write nothing; exit 1 and list every stale, missing or extra file when the directory differs from what the configuration renders.")]
        [DefaultValue(false)]
        public bool Check { get; init; }

        [CommandOption("--dir <PATH>")]
        [Description("The directory to render into or check. Default: gitops.path, relative to the configuration file.")]
        public string? Directory { get; init; }
    }

    protected override Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        RenderedTree tree;
        try
        {
            tree = GitOpsRenderer.Render(config);
        }
        catch (GitOpsConfigException e)
        {
            throw new UserInputException($"{settings.Config}: {e.Message}");
        }

        var directory = settings.Directory
            ?? Path.Combine(Path.GetDirectoryName(Path.GetFullPath(settings.Config)) ?? ".", config.GitOps.Path);
        var shown = Path.GetRelativePath(System.IO.Directory.GetCurrentDirectory(), directory);

        var violations = TreeInvariants.Check(tree);
        if (violations.Count > 0)
        {
            Report(settings, shown, tree, drift: null, violations);
            return Fail(settings, $"The rendered tree breaks {violations.Count} rule(s); nothing was written to {shown}.");
        }

        DriftReport drift;
        try
        {
            drift = settings.Check ? DriftCheck.Compare(tree, directory) : TreeWriter.Write(tree, directory);
        }
        catch (UnmanagedDirectoryException e)
        {
            throw new UserInputException(e.Message);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new CommandFailedException($"Cannot {(settings.Check ? "read" : "write")} {shown}: {e.Message}");
        }

        Report(settings, shown, tree, drift, violations);
        return settings.Check && !drift.IsClean
            ? Fail(settings, $"{shown} is not what {settings.Config} renders. Run 'bluegreen gitops render' and commit the result.")
            : Task.FromResult(ExitCodes.Ok);
    }

    /// <summary>Exit 1: in JSON mode the document already says why, so nothing may follow it; in text mode, say it.</summary>
    private static Task<int> Fail(Settings settings, string reason) =>
        settings.Output == OutputFormat.Json ? Task.FromResult(ExitCodes.Failure) : throw new CommandFailedException(reason);

    private void Report(Settings settings, string directory, RenderedTree tree, DriftReport? drift, IReadOnlyList<string> violations)
    {
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new
            {
                ok = violations.Count == 0 && (drift is null || !settings.Check || drift.IsClean),
                mode = settings.Check ? "check" : "render",
                directory,
                files = tree.Files.Count,
                colours = tree.Colours.Select(c => new { c.Colour, c.KubernetesVersion }),
                stale = drift?.Stale ?? [],
                missing = drift?.Missing ?? [],
                extra = drift?.Extra ?? [],
                violations,
            });
            return;
        }

        foreach (var violation in violations)
        {
            Console.MarkupLineInterpolated($"[red]rule[/] {violation}");
        }

        if (drift is null)
        {
            return;
        }

        var (staleWord, missingWord, extraWord) = settings.Check ? ("stale", "missing", "extra") : ("updated", "created", "removed");
        foreach (var (word, paths) in new[] { (staleWord, drift.Stale), (missingWord, drift.Missing), (extraWord, drift.Extra) })
        {
            foreach (var path in paths)
            {
                Console.MarkupLineInterpolated($"[yellow]{word,-8}[/] {directory}/{path}");
            }
        }

        if (drift.IsClean)
        {
            Console.MarkupLineInterpolated($"[green]{directory} is up to date[/]: {tree.Files.Count} files for {string.Join(", ", tree.Colours.Select(c => $"{c.Colour} (Kubernetes {c.KubernetesVersion})"))}.");
        }
        else if (!settings.Check)
        {
            Console.MarkupLineInterpolated($"[green]Rendered {directory}[/]: {drift.Stale.Count} updated, {drift.Missing.Count} created, {drift.Extra.Count} removed; commit and push it for Argo CD.");
        }
    }
}
