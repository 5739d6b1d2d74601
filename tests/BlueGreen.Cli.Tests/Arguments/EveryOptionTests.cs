using BlueGreen.Cli.Arguments;
using BlueGreen.Cli.Infrastructure;
using Spectre.Console.Cli.Help;

namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>Every option of every command, as the CLI registers it, is suggested when mistyped: an option added later is covered without a line here.</summary>
public sealed class EveryOptionTests
{
    public static TheoryData<string, string> Options()
    {
        var model = CommandModelReader.Read(Routes.Configure);
        var data = new TheoryData<string, string>();
        foreach (var command in CommandModelReader.RunnableCommands(model))
        {
            foreach (var name in Find(model, command).Parameters.OfType<ICommandOption>().Where(o => !o.IsHidden).SelectMany(o => o.LongNames))
            {
                data.Add(command, name);
            }
        }

        return data;
    }

    [Fact]
    public void TheOptions_IncludeThoseOfEveryCommand()
    {
        var commands = Options().Select(row => (string)row[0]).Distinct(StringComparer.Ordinal);

        Assert.Equal(CommandTable.Rows.Count, commands.Count());
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task AnOptionWithTwoLettersSwapped_IsRefused_WithTheOptionSuggested(string command, string option)
    {
        var typo = Swapped(option);

        var (exit, output) = await CliRunner.RunAsync(CommandTable.Get(command).With("--" + typo));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"bluegreen {command} has no option --{typo} (did you mean --{option}?)", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    [Theory]
    [MemberData(nameof(Options))]
    public async Task AnOptionWithALetterLeftOut_IsRefused_WithTheOptionSuggested(string command, string option)
    {
        var typo = option.Remove(option.Length / 2, 1);

        var (exit, output) = await CliRunner.RunAsync(CommandTable.Get(command).With("--" + typo));

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains($"bluegreen {command} has no option --{typo} (did you mean --{option}?)", CliRunner.Flat(output), StringComparison.Ordinal);
    }

    /// <summary>The name with its first pair of different neighbours swapped, after the first letter when it is longer than two: output -> otuput, to -> ot.</summary>
    private static string Swapped(string name)
    {
        var letters = name.ToCharArray();
        var from = letters.Length > 2 ? 1 : 0;
        var at = Enumerable.Range(from, letters.Length - 1 - from).First(i => letters[i] != letters[i + 1]);
        (letters[at], letters[at + 1]) = (letters[at + 1], letters[at]);
        return new string(letters);
    }

    private static ICommandInfo Find(ICommandModel model, string command)
    {
        ICommandContainer container = model;
        ICommandInfo? found = null;
        foreach (var word in command.Split(' '))
        {
            found = container.Commands.Single(c => c.Name == word);
            container = found;
        }

        return found!;
    }
}
