using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>The sentence for each kind of argument the parser refuses, and that good arguments, help and --version are untouched.</summary>
public sealed class ArgumentDiagnosisTests
{
    [Theory]
    [InlineData("error bluegreen has no command 'valdate' (did you mean 'validate'?), so nothing was done; see bluegreen --help.", "valdate")]
    [InlineData("error bluegreen gitops has no command 'rendr' (did you mean 'render'?), so nothing was done; see bluegreen gitops --help.", "gitops", "rendr")]
    [InlineData("error bluegreen sandbox has no command 'start' (its commands are up), so nothing was done; see bluegreen sandbox --help.", "sandbox", "start")]
    [InlineData("error bluegreen needs a command name before --config (options follow the command), so nothing was done; see bluegreen --help.", "--config", "bluegreen.yaml", "validate")]
    [InlineData("error bluegreen gitops needs a command name before --check (options follow the command), so nothing was done; see bluegreen gitops --help.", "gitops", "--check", "render")]
    [InlineData("error bluegreen validate has no option --bogus-flag (its options are --config, --output), so nothing was done; see bluegreen validate --help.", "validate", "--bogus-flag", "x")]
    [InlineData("error bluegreen validate has no option --Config (did you mean --config?), so nothing was done; see bluegreen validate --help.", "validate", "--Config", "bluegreen.yaml")]
    [InlineData("error bluegreen validate has no option --conf (did you mean --config?), so nothing was done; see bluegreen validate --help.", "validate", "--conf=bluegreen.yaml")]
    [InlineData("error bluegreen validate has no option -config (did you mean --config?), so nothing was done; see bluegreen validate --help.", "validate", "-config", "bluegreen.yaml")]
    [InlineData("error bluegreen validate has no option -x (its options are --config, --output), so nothing was done; see bluegreen validate --help.", "validate", "-x")]
    [InlineData("error bluegreen validate needs a value (PATH) after -c, so nothing was done; see bluegreen validate --help.", "validate", "-c")]
    [InlineData("error bluegreen validate needs a value (PATH) after --config, so nothing was done; see bluegreen validate --help.", "validate", "--config=")]
    [InlineData("error bluegreen promote takes --force as a switch without a value, and got 'yes', so nothing was done; see bluegreen promote --help.", "promote", "--force=yes")]
    [InlineData("error bluegreen promote does not take the argument 'yes' (it takes no arguments), so nothing was done; see bluegreen promote --help.", "promote", "--force", "yes")]
    [InlineData("error bluegreen decommission does not take the argument 'destroy' (did you mean --destroy?), so nothing was done; see bluegreen decommission --help.", "decommission", "blue", "destroy")]
    [InlineData("error bluegreen decommission has no option --purge (its options are --config, --output, --journal-bucket, --zone-id, --timeout, --destroy, --dry-run), so nothing was done; see bluegreen decommission --help.", "decommission", "blue", "--purge")]
    [InlineData("error bluegreen decommission has no option --dryrun (did you mean --dry-run?), so nothing was done; see bluegreen decommission --help.", "decommission", "blue", "--dryrun")]
    [InlineData("error bluegreen shift needs PERCENT after its name, so nothing was done; see bluegreen shift --help.", "shift")]
    [InlineData("error bluegreen bootstrap needs COLOUR after its name, so nothing was done; see bluegreen bootstrap --help.", "bootstrap", "--timeout", "5")]
    [InlineData("error bluegreen validate takes nothing after --, so nothing was done; see bluegreen validate --help.", "validate", "--")]
    [InlineData("error bluegreen shift could not read its arguments (Failed to convert 'abc' to Int32), so nothing was done; see bluegreen shift --help.", "shift", "abc")]
    public async Task ARefusedArgument_ExitsTwo_WithOneSentence(string expected, params string[] args)
    {
        var (exit, output) = await CliRunner.RunAsync(args);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal(expected, CliRunner.Flat(output));
    }

    [Fact]
    public async Task AWrongValue_NamesTheValuesThatAreAccepted()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--output", "xml");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal("error bluegreen validate could not read its arguments (Failed to convert 'xml' to OutputFormat. Valid values are 'Text', 'Json'), so nothing was done; see bluegreen validate --help.", CliRunner.Flat(output));
    }

    [Fact]
    public async Task AMissingValue_IsNotPrintedAsJson_EvenWhenJsonIsAsked()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", "--output", "json");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.StartsWith("error bluegreen validate needs a value (PATH) after --config", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task TheParsersOwnDefaultCommandName_TypedAsAValue_IsTakenAsTyped()
    {
        var (exit, output) = await CliRunner.RunAsync("validate", "--config", "__default_command");

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("__default_command: The configuration file does not exist.", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task GoodArguments_InEveryForm_StillRun()
    {
        var path = CliRunner.DefaultConfigPath;

        foreach (string[] args in (string[][])[["validate", "--config", path], ["validate", "-c", path, "-o", "json"], ["validate", $"--config={path}"], ["validate", $"--config:{path}"], ["validate", "--output", "text", "--config", path]])
        {
            var (exit, output) = await CliRunner.RunAsync(args);

            Assert.True(exit == ExitCodes.Ok, $"{string.Join(' ', args)}: {output}");
        }
    }

    [Fact]
    public async Task HelpOnABranch_AndVersionInShortForm_StillWork()
    {
        var (helpExit, help) = await CliRunner.RunAsync("gitops", "--help");
        var (versionExit, version) = await CliRunner.RunAsync("-v");

        Assert.Equal(ExitCodes.Ok, helpExit);
        Assert.Contains("render", help, StringComparison.Ordinal);
        Assert.Equal(ExitCodes.Ok, versionExit);
        Assert.Equal(BlueGreenCli.Version, version.Trim());
    }
}
