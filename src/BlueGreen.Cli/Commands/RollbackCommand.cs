using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Core.Operators;
using Spectre.Console;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen rollback</c>: Move all traffic back to the live colour; the upgrade ends as rolled back.</summary>
[Description("Move all traffic back to the live colour; the upgrade ends as rolled back.")]
public sealed class RollbackCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : OperatorRequestCommand<TargetSettings>(console, timeProvider, aws)
{
    protected override OperatorAction Action => OperatorAction.Rollback;
}
