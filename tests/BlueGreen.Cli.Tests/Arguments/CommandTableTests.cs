using BlueGreen.Cli.Arguments;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>For every command in <see cref="CommandTable"/>: a mistyped option, a missing value and a stray argument exit 2 with a sentence, and nothing runs.</summary>
public sealed class CommandTableTests
{
    [Fact]
    public void TheTable_HasARow_ForEveryCommandTheCliRegisters()
    {
        var registered = CommandModelReader.RunnableCommands(CommandModelReader.Read(Routes.Configure));

        Assert.Equal(registered.Order(StringComparer.Ordinal), CommandTable.Rows.Select(r => r.Command).Order(StringComparer.Ordinal));
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task AMistypedOption_ExitsTwo_SuggestsTheMeantOne_AndLeavesNothingBehind(string command)
    {
        var row = CommandTable.Get(command);
        using var run = new IsolatedRun();

        var result = await run.RunAsync(row.With(row.Mistyped));

        var output = CliRunner.Flat(result.Output);
        Assert.True(result.ExitCode == ExitCodes.BadInput, output);
        Assert.Contains($"bluegreen {command} has no option {row.Mistyped[0]} (did you mean {row.Meant}?), so nothing was done; see bluegreen {command} --help.", output, StringComparison.Ordinal);
        Assert.Empty(result.ChangedPaths);
        Assert.False(Directory.Exists(Path.Combine(run.WorkingDirectory, ".bluegreen")));
        Assert.Empty(result.LeftProcesses);
        Assert.Empty(result.AwsRequests);
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task AMissingValue_AtTheEnd_ExitsTwo_NamingTheOption(string command)
    {
        var row = CommandTable.Get(command);

        var (exit, output) = await CliRunner.RunAsync(row.With(row.ValueOption));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches($@"^error bluegreen {command} needs a value \([A-Z-]+\) after {row.ValueOption}, so nothing was done; see bluegreen {command} --help\.$", CliRunner.Flat(output));
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task AMissingValue_BeforeAnotherOption_ExitsTwo_NamingTheOption(string command)
    {
        var row = CommandTable.Get(command);
        string[] next = row.ValueOption == "--output" ? ["--config", "bluegreen.yaml"] : ["--output", "json"];

        var (exit, output) = await CliRunner.RunAsync(row.With([row.ValueOption, .. next]));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches($@"^error bluegreen {command} needs a value \([A-Z-]+\) after {row.ValueOption}, so nothing was done; see bluegreen {command} --help\.$", CliRunner.Flat(output));
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task AStrayArgument_ExitsTwo_NamingIt(string command)
    {
        var row = CommandTable.Get(command);

        var (exit, output) = await CliRunner.RunAsync(row.With("extra"));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Matches($@"^error bluegreen {command} does not take the argument 'extra' \(it takes (no arguments|only [A-Z]+)\), so nothing was done; see bluegreen {command} --help\.$", CliRunner.Flat(output));
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task ArgumentsAfterDoubleDash_ExitTwo(string command)
    {
        var row = CommandTable.Get(command);

        var (exit, output) = await CliRunner.RunAsync(row.With("--", row.Meant));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Equal($"error bluegreen {command} takes nothing after --, and got '{row.Meant}', so nothing was done; see bluegreen {command} --help.", CliRunner.Flat(output));
    }

    [Theory]
    [MemberData(nameof(CommandTable.Commands), MemberType = typeof(CommandTable))]
    public async Task Help_StillWorks(string command)
    {
        var row = CommandTable.Get(command);

        var (exit, output) = await CliRunner.RunAsync([.. command.Split(' '), "--help"]);

        Assert.Equal(ExitCodes.Ok, exit);
        Assert.Contains(row.Meant, output, StringComparison.Ordinal);
        Assert.Contains(row.ValueOption, output, StringComparison.Ordinal);
    }
}
