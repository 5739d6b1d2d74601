using System.ComponentModel;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Infrastructure;

/// <summary>Options every command takes.</summary>
public class GlobalSettings : CommandSettings
{
    [CommandOption("-c|--config <PATH>")]
    [Description("The environment's configuration file.")]
    [DefaultValue("bluegreen.yaml")]
    public string Config { get; init; } = "bluegreen.yaml";

    [CommandOption("-o|--output <FORMAT>")]
    [Description("Output format: text or json.")]
    [DefaultValue(OutputFormat.Text)]
    public OutputFormat Output { get; init; } = OutputFormat.Text;
}
