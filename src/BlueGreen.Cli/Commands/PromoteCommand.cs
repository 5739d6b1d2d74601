using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Operators;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen promote</c>: skip the remaining steps once the current interval passes.</summary>
[Description("Skip the remaining steps to 100 % once the current interval passes (at once with --force).")]
public sealed class PromoteCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : OperatorRequestCommand<PromoteCommand.Settings>(console, timeProvider, aws)
{
    /// <summary>Options of <c>promote</c>.</summary>
    public sealed class Settings : TargetSettings
    {
        [CommandOption("--force")]
        [Description("Promote without waiting for a passing interval.")]
        public bool Force { get; init; }
    }

    protected override OperatorAction Action => OperatorAction.Promote;

    protected override bool Force(Settings settings) => settings.Force;
}
