using System.ComponentModel;
using System.Globalization;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Text;
using BlueGreen.Infrastructure;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen synth</c>: writes the CloudFormation templates of every stack, as <c>npx cdk synth</c> does.</summary>
[Description("Synthesize the CloudFormation templates of every stack: common, ci and one per colour.")]
public sealed class SynthCommand(IAnsiConsole console, TimeProvider timeProvider) : ConfigCommand<SynthCommand.Settings>(console, timeProvider)
{
    /// <summary>Options of <c>synth</c>.</summary>
    public sealed class Settings : GlobalSettings
    {
        [CommandOption("--out <DIR>")]
        [Description("Directory the cloud assembly (templates and manifest) is written to.")]
        [DefaultValue("cdk.out")]
        public string Out { get; init; } = "cdk.out";
    }

    protected override Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, CancellationToken cancellationToken)
    {
        var errors = InfrastructureConfigCheck.Errors(config);
        if (errors.Count > 0)
        {
            throw new UserInputException($"{settings.Config} cannot be synthesized:{string.Concat(errors.Select(e => System.Environment.NewLine + "  " + e))}{System.Environment.NewLine}Nothing was written.");
        }

        var outDir = PrepareOutput(settings.Out);
        var started = Time.GetTimestamp();
        SynthesisResult result;
        try
        {
            result = InfrastructureApp.Synthesize(config, outDir);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The CDK reports its own failures as plain exceptions from its runtime; their message is the useful part.
            throw new CommandFailedException($"Synthesis into {settings.Out} failed: {e.Message}", e);
        }

        var elapsed = Time.GetElapsedTime(started);
        if (settings.Output == OutputFormat.Json)
        {
            JsonOutput.Write(Console, new
            {
                ok = true,
                directory = result.Directory,
                seconds = Math.Round(elapsed.TotalSeconds, 1),
                stacks = result.Stacks.Select(s => new { s.Name, template = s.TemplatePath }),
            });
            return Task.FromResult(ExitCodes.Ok);
        }

        var table = new Table().Border(TableBorder.Rounded).AddColumns("Stack", "Template");
        foreach (var stack in result.Stacks)
        {
            table.AddRow(Markup.Escape(stack.Name), Markup.Escape(Path.GetRelativePath(outDir, stack.TemplatePath)));
        }

        Console.MarkupLineInterpolated($"[green]Synthesized {result.Stacks.Count} stacks[/] into {result.Directory} in {elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s.");
        Console.Write(table);
        Console.MarkupLine("Deploy with [blue]npx cdk deploy --app " + Markup.Escape(settings.Out) + " STACK[/]; docs/aws-runbook.md gives the order.");
        return Task.FromResult(ExitCodes.Ok);
    }

    // A file where the directory should be, or a directory that cannot be created, is the user's to fix.
    private static string PrepareOutput(string outDir)
    {
        var full = Path.GetFullPath(outDir);
        if (File.Exists(full))
        {
            throw new UserInputException($"--out {outDir} is a file; name a directory (it is created when missing).");
        }

        try
        {
            Directory.CreateDirectory(full);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new UserInputException($"--out {outDir} cannot be created: {Sentences.Clause(e.Message)}. Name a directory you can write to.");
        }

        return full;
    }
}
