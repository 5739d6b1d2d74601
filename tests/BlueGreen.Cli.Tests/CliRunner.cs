using System.Text.RegularExpressions;
using BlueGreen.Cli;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests;

/// <summary>Runs the real command-line app against a test console on a fixed date.</summary>
internal static partial class CliRunner
{
    public static readonly DateTimeOffset Today = new(2026, 11, 27, 12, 0, 0, TimeSpan.Zero);

    public static async Task<(int ExitCode, string Output)> RunAsync(params string[] args)
    {
        var console = new TestConsole().Width(200);
        var exitCode = await BlueGreenCli.RunAsync(args, console, r => r.Replace(typeof(TimeProvider), new FakeTimeProvider(Today)));
        return (exitCode, console.Output);
    }

    public static string DefaultConfigPath => RepositoryRoot.Combine("bluegreen.yaml");

    /// <summary>The output on one line: a long sentence wraps at the console's width.</summary>
    public static string Flat(string output) => Whitespace().Replace(output, " ").Trim();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
