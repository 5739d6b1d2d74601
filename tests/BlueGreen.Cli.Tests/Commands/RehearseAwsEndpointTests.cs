using System.Net;
using BlueGreen.Cli.Tests.Fakes;

namespace BlueGreen.Cli.Tests.Commands;

/// <summary>
/// <c>rehearse --aws-endpoint</c> and <c>sandbox up --aws-endpoint</c> with an endpoint that cannot serve: exit 2
/// with a sentence, and nothing written, started or left running (the whole rehearsals run in the sandbox tests).
/// </summary>
public sealed class RehearseAwsEndpointTests
{
    [Theory]
    [InlineData("rehearse", "ftp://127.0.0.1:21", "--aws-endpoint 'ftp://127.0.0.1:21' is not an http or https URL")]
    [InlineData("rehearse", "localhost:5000", "--aws-endpoint 'localhost:5000' is not an http or https URL")]
    [InlineData("rehearse", "http://127.0.0.1:9", "Nothing answers at http://127.0.0.1:9/")]
    [InlineData("sandbox up", "http://127.0.0.1:9", "Nothing answers at http://127.0.0.1:9/")]
    public async Task AnEndpointThatIsNone_IsBadInput_AndNothingStarts(string command, string endpoint, string said)
    {
        using var run = new IsolatedRun();

        var result = await run.RunAsync([.. command.Split(' '), "--aws-endpoint", endpoint]);

        Assert.True(result.ExitCode == 2, result.Output);
        Assert.Contains(said, CliRunner.Flat(result.Output), StringComparison.Ordinal);
        Assert.Empty(result.ChangedPaths);
        Assert.Empty(result.LeftProcesses);
    }

    [Fact]
    public async Task AnEndpointThatAnswersButIsNoAws_IsBadInput_NamingWhatCouldNotBeSetUp()
    {
        // Answers every request, as a web server that is not an AWS API would.
        using var web = new FaultyProxy(new Uri("http://127.0.0.1:9"), new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.NotFound, "<html><body>Not Found</body></html>", times: 1000, contentType: "text/html"));
        using var run = new IsolatedRun();

        var result = await run.RunAsync("rehearse", "--aws-endpoint", web.Endpoint.ToString());

        Assert.True(result.ExitCode == 2, result.Output);
        var said = CliRunner.Flat(result.Output);
        Assert.Contains($"Setting up the journal bucket at {web.Endpoint}", said, StringComparison.Ordinal);
        Assert.Contains("or use --aws-endpoint auto", said, StringComparison.Ordinal);
        Assert.Empty(result.ChangedPaths);
        Assert.Empty(result.LeftProcesses);
    }
}
