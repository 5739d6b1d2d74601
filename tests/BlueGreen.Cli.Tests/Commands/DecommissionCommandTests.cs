using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Tests.Fakes;
using Microsoft.Extensions.Time.Testing;
using Spectre.Console.Testing;

namespace BlueGreen.Cli.Tests.Commands;

public sealed class DecommissionCommandTests
{
    [Fact]
    public async Task AnUnknownColour_IsBadInput()
    {
        var (exit, output) = await RunAsync("decommission", "red", "--journal-bucket", "b", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.BadInput, exit);
        Assert.Contains("Known colours: blue, green", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheJournalBucket_ReadsItFromSsm_AndAMissingParameterNamesTheStackAndTheOption()
    {
        await using var moto = new MotoFixture();
        await moto.InitializeAsync();

        var (exit, output) = await RunAsync(MotoServices.For(moto), "decommission", "blue", "--zone-id", "Z1", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("The SSM parameter /test/common/journal-bucket does not exist in ap-northeast-1.", output, StringComparison.Ordinal);
        Assert.Contains("--journal-bucket", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutTheJournalBucket_AndWithoutCredentials_FailsWithASentence()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("needs AWS credentials", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task WithoutCredentials_Fails_BeforeTouchingAnything()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--journal-bucket", "b", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Failure, exit);
        Assert.Contains("needs AWS credentials", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_PrintsTheStepsInOrder_WithoutCredentialsOrAnyCall()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--dry-run", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        var flat = CliRunner.Flat(output);
        string[] order = ["1. root-sync-off:", "2. delete-workloads:", "3. load-balancers-and-records-gone:", "4. delete-external-dns:", "5. delete-load-balancer-controller:", "6. delete-root:", "7. leftovers:", "Then print the destroy commands: aws eks update-cluster-config"];
        var positions = order.Select(step => flat.IndexOf(step, StringComparison.Ordinal)).ToList();
        Assert.DoesNotContain(-1, positions);
        Assert.Equal(positions.Order(), positions);
        Assert.Contains("Dry run: nothing was read or changed.", flat, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DryRun_WithDestroy_EndsWithTheDestroyStep_AsJson()
    {
        var (exit, output) = await RunAsync("decommission", "blue", "--dry-run", "--destroy", "--output", "json", "--config", CliRunner.DefaultConfigPath);

        Assert.Equal(ExitCodes.Ok, exit);
        using var json = System.Text.Json.JsonDocument.Parse(output);
        var steps = json.RootElement.GetProperty("steps").EnumerateArray().Select(s => s.GetString()!).ToList();
        Assert.Equal(8, steps.Count);
        Assert.StartsWith("8. destroy-stack: run aws eks update-cluster-config", steps[^1], StringComparison.Ordinal);
        Assert.True(json.RootElement.GetProperty("dryRun").GetBoolean());
    }

    private static Task<(int ExitCode, string Output)> RunAsync(params string[] args) =>
        RunAsync(new AwsModeServices { Credentials = new MotoServices.NoCredentials() }, args);

    private static async Task<(int ExitCode, string Output)> RunAsync(AwsModeServices services, params string[] args)
    {
        var console = new TestConsole().Width(250);
        var exit = await BlueGreenCli.RunAsync(args, console, r =>
        {
            r.Replace(typeof(TimeProvider), new FakeTimeProvider(CliRunner.Today));
            r.Replace(typeof(AwsModeServices), services);
        });
        return (exit, console.Output);
    }
}
