using System.Diagnostics;
using System.Text.RegularExpressions;

namespace SampleApp.Bench;

/// <summary>The built sample app in its own process on a free loopback port, as the sandbox starts it.</summary>
internal sealed partial class AppUnderTest : IAsyncDisposable
{
    private readonly Process _process;

    private AppUnderTest(Process process, Uri baseAddress, TimeSpan startedIn)
    {
        _process = process;
        BaseAddress = baseAddress;
        StartedIn = startedIn;
    }

    public Uri BaseAddress { get; }

    /// <summary>Time from process start to the first <c>/readyz</c> 200.</summary>
    public TimeSpan StartedIn { get; }

    public static async Task<AppUnderTest> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            WorkingDirectory = AppContext.BaseDirectory,
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "SampleApp.dll"));
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var watch = Stopwatch.StartNew();
        var process = Process.Start(start) ?? throw new InvalidOperationException("could not start the app");
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && ListeningLine().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            var address = await listening.Task.WaitAsync(TimeSpan.FromSeconds(60));
            using var client = new HttpClient { BaseAddress = address };
            while (true)
            {
                using var response = await client.GetAsync(new Uri("/readyz", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return new AppUnderTest(process, address, watch.Elapsed);
                }

                if (watch.Elapsed > TimeSpan.FromSeconds(60))
                {
                    throw new TimeoutException("the app never became ready");
                }

                await Task.Delay(TimeSpan.FromMilliseconds(5));
            }
        }
        catch
        {
            process.Kill(entireProcessTree: true);
            process.Dispose();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
