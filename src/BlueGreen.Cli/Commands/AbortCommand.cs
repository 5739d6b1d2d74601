using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen abort</c>: Stop the upgrade and move all traffic back to the live colour.</summary>
[Description("Stop the upgrade and move all traffic back to the live colour.")]
public sealed class AbortCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : OperatorRequestCommand<TargetSettings>(console, timeProvider, aws)
{
    protected override OperatorAction Action => OperatorAction.Abort;
}
