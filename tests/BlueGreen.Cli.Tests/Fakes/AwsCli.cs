using System.Diagnostics;
using System.Text.Json;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>The AWS CLI (v1, on every machine of this kind) against moto: what an operator's own tool sees and does.</summary>
internal static class AwsCli
{
    public static async Task<JsonDocument> RunAsync(Uri endpoint, params string[] args)
    {
        var start = new ProcessStartInfo("aws", [.. args, "--endpoint-url", endpoint.ToString(), "--output", "json"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var (name, value) in AwsAccount.Environment(endpoint))
        {
            start.Environment[name] = value;
        }

        start.Environment["AWS_DEFAULT_REGION"] = AwsAccount.Region;
        start.Environment.Remove("AWS_ENDPOINT_URL");
        using var process = Process.Start(start) ?? throw new InvalidOperationException("aws could not be started.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        Assert.True(process.ExitCode == 0, $"aws {string.Join(' ', args)} exited {process.ExitCode}: {await error}");
        return JsonDocument.Parse(await output);
    }
}
