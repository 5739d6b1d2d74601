using System.Reflection;
using BlueGreen.Cli.Arguments;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Configuration;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli;

/// <summary>Builds and runs the command-line app; maps every expected failure to its exit code and a sentence, never a stack trace.</summary>
public static class BlueGreenCli
{
    /// <summary>The tool's version, from the assembly.</summary>
    public static string Version { get; } =
        typeof(BlueGreenCli).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "0.0.0";

    /// <summary>Set to 1 to print the stack trace of an unexpected failure.</summary>
    public const string DebugVariable = "BLUEGREEN_DEBUG";

    /// <summary>Runs <paramref name="args"/> against <paramref name="console"/>; <paramref name="register"/> lets tests replace services.</summary>
    public static async Task<int> RunAsync(string[] args, IAnsiConsole console, Action<TypeRegistrar>? register = null, CancellationToken cancellationToken = default)
    {
        var registrar = new TypeRegistrar();
        registrar.RegisterInstance(typeof(IAnsiConsole), console);
        registrar.RegisterInstance(typeof(TimeProvider), TimeProvider.System);
        registrar.Register(typeof(ICommandInterceptor), typeof(ArgumentGuard));
        register?.Invoke(registrar);

        var app = new CommandApp(registrar);
        app.Configure(config =>
        {
            config.SetApplicationName("bluegreen");
            config.SetApplicationVersion(Version);
            config.ConfigureConsole(console);
            config.PropagateExceptions();

            // An unknown option is an error, not a remaining argument: a mistyped --dry-run must not run the real thing.
            config.Settings.StrictParsing = true;
            config.AddExample("rehearse");
            config.AddExample("validate", "--config", "bluegreen.yaml");
            config.AddExample("status", "--output", "json");
            Routes.Configure(config);
        });

        try
        {
            return await app.RunAsync(args, cancellationToken);
        }
        catch (CommandRuntimeException e)
        {
            // Unknown command or option, a missing value, a stray argument, a value of the wrong type: the parser
            // and binder refuse these before any command is created, so nothing has started.
            console.MarkupLineInterpolated($"[red]error[/] {ArgumentDiagnosis.Describe(CommandModelReader.Read(Routes.Configure), args, e.Message)}");
            return ExitCodes.BadInput;
        }
        catch (UserInputException e)
        {
            console.MarkupLineInterpolated($"[red]error[/] {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (ConfigurationException e)
        {
            console.MarkupLineInterpolated($"[red]error[/] {e.Message}");
            return ExitCodes.BadInput;
        }
        catch (CommandFailedException e)
        {
            console.MarkupLineInterpolated($"[red]failed[/] {e.Message}");
            return ExitCodes.Failure;
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            console.MarkupLine("[yellow]Interrupted.[/]");
            return ExitCodes.Failure;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Not an expected failure, but still a sentence and a documented exit code; the trace is
            // there for a bug report when asked for.
            console.MarkupLineInterpolated($"[red]failed[/] {e.GetType().Name}: {e.Message}");
            if (Environment.GetEnvironmentVariable(DebugVariable) == "1")
            {
                console.WriteLine(e.ToString());
            }
            else
            {
                console.MarkupLineInterpolated($"This is unexpected; run again with {DebugVariable}=1 for the details to report.");
            }

            return ExitCodes.Failure;
        }
    }
}
