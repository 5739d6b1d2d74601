using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen pause</c>: Hold the current weights; the gates keep watching.</summary>
[Description("Hold the current weights; the gates keep watching.")]
public sealed class PauseCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : OperatorRequestCommand<TargetSettings>(console, timeProvider, aws)
{
    protected override OperatorAction Action => OperatorAction.Pause;
}
