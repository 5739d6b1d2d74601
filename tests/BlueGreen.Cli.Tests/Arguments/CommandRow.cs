namespace BlueGreen.Cli.Tests.Arguments;

/// <summary>One command in <see cref="CommandTable"/>: its words, the arguments it requires, a mistyped option and the one meant, an option that takes a value.</summary>
internal sealed record CommandRow(string Command, string[] Required, string[] Mistyped, string Meant, string ValueOption)
{
    /// <summary>The command's words followed by its required arguments, then <paramref name="rest"/>.</summary>
    public string[] With(params string[] rest) => [.. Command.Split(' '), .. Required, .. rest];
}
