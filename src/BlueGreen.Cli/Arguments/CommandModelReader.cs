using Spectre.Console;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;
using Spectre.Console.Rendering;

namespace BlueGreen.Cli.Arguments;

/// <summary>Reads the commands, arguments and options that a routing table registers, as Spectre.Console.Cli itself models them.</summary>
public static class CommandModelReader
{
    /// <summary>The command model of <paramref name="routes"/>.</summary>
    /// <remarks>
    /// Spectre.Console.Cli hands its model only to a help provider, so this asks a throwaway app for help with a
    /// provider that keeps the model and renders nothing. The model is then exactly what the parser checks against,
    /// options added later included.
    /// </remarks>
    public static ICommandModel Read(Action<IConfigurator> routes)
    {
        ArgumentNullException.ThrowIfNull(routes);

        var keeper = new ModelKeeper();
        var app = new CommandApp();
        app.Configure(config =>
        {
            config.ConfigureConsole(AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(TextWriter.Null) }));
            config.SetHelpProvider(keeper);
            routes(config);
        });
        app.Run(["--help"]);
        return keeper.Model ?? throw new InvalidOperationException("Spectre.Console.Cli did not ask for help on --help, so the command model could not be read.");
    }

    /// <summary>Every command that can be run (branches and the library's hidden commands left out), by its words, e.g. "gitops render".</summary>
    public static IReadOnlyList<string> RunnableCommands(ICommandModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var names = new List<string>();
        Collect(model.Commands, string.Empty, names);
        return names;
    }

    private static void Collect(IEnumerable<ICommandInfo> commands, string prefix, List<string> names)
    {
        foreach (var command in commands.Where(c => !c.IsHidden))
        {
            var path = prefix + command.Name;
            if (command.IsBranch)
            {
                Collect(command.Commands, path + " ", names);
            }
            else
            {
                names.Add(path);
            }
        }
    }

    private sealed class ModelKeeper : IHelpProvider
    {
        public ICommandModel? Model { get; private set; }

        public IEnumerable<IRenderable> Write(ICommandModel model, ICommandInfo? command)
        {
            Model = model;
            return [];
        }
    }
}
