using System.Diagnostics;
using System.Runtime.InteropServices;
using System.Text;
using System.Text.RegularExpressions;

namespace SampleApp.Tests.Hosting;

/// <summary>
/// The real sample app as the sandbox runs it: <c>dotnet SampleApp.dll</c> in its own process on a
/// free 127.0.0.1 port, configured only through environment variables; killed on dispose.
/// </summary>
internal sealed partial class AppProcess : IAsyncDisposable
{
    private const int SigTerm = 15;
    private static readonly TimeSpan StartBound = TimeSpan.FromSeconds(60);

    private readonly Process _process;
    private readonly StringBuilder _output;

    private AppProcess(Process process, StringBuilder output, Uri baseAddress)
    {
        _process = process;
        _output = output;
        BaseAddress = baseAddress;
        Client = new HttpClient { BaseAddress = baseAddress, Timeout = TimeSpan.FromSeconds(60) };
    }

    public Uri BaseAddress { get; }

    public HttpClient Client { get; }

    public int ProcessId => _process.Id;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (process, output) = Launch(environment);
        var listening = new TaskCompletionSource<Uri>(TaskCreationOptions.RunContinuationsAsynchronously);
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && ListeningLine().Match(text) is { Success: true } match)
            {
                listening.TrySetResult(new Uri(match.Groups[1].Value));
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        var first = await Task.WhenAny(listening.Task, process.WaitForExitAsync(), Task.Delay(StartBound));
        if (first != listening.Task)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            string text;
            lock (output)
            {
                text = output.ToString();
            }

            process.Dispose();
            throw new InvalidOperationException($"The app did not start listening: {text}");
        }

        return new AppProcess(process, output, await listening.Task);
    }

    /// <summary>Runs the app until it exits by itself (bad configuration), returning its exit code and output.</summary>
    public static async Task<(int ExitCode, string Output)> RunToExitAsync(IReadOnlyDictionary<string, string> environment)
    {
        var (process, output) = Launch(environment);
        using (process)
        {
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            using var bound = new CancellationTokenSource(StartBound);
            try
            {
                await process.WaitForExitAsync(bound.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new InvalidOperationException("The app kept running although it should have refused to start.");
            }

            lock (output)
            {
                return (process.ExitCode, output.ToString());
            }
        }
    }

    /// <summary>Polls <c>/readyz</c> until it answers 200.</summary>
    public async Task WaitUntilReadyAsync() => await WaitForReadinessAsync(expectReady: true);

    public async Task WaitUntilNotReadyAsync() => await WaitForReadinessAsync(expectReady: false);

    /// <summary>Sends SIGTERM, as Kubernetes does before it removes a pod.</summary>
    public void Terminate()
    {
        if (Kill(_process.Id, SigTerm) != 0)
        {
            throw new InvalidOperationException($"kill({_process.Id}, SIGTERM) failed with errno {Marshal.GetLastPInvokeError()}");
        }
    }

    /// <summary>Closes the app's standard input, as the kernel does when this process dies.</summary>
    public void CloseInput() => _process.StandardInput.Close();

    public async Task<int> WaitForExitAsync(TimeSpan bound)
    {
        using var timeout = new CancellationTokenSource(bound);
        await _process.WaitForExitAsync(timeout.Token);
        return _process.ExitCode;
    }

    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            await _process.WaitForExitAsync();
        }

        _process.Dispose();
    }

    private async Task WaitForReadinessAsync(bool expectReady)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            using var response = await Client.GetAsync(new Uri("/readyz", UriKind.Relative));
            if (response.IsSuccessStatusCode == expectReady)
            {
                return;
            }

            if (watch.Elapsed > StartBound)
            {
                throw new TimeoutException($"/readyz kept answering {(int)response.StatusCode}. Output: {Output}");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(50));
        }
    }

    private static (Process Process, StringBuilder Output) Launch(IReadOnlyDictionary<string, string> environment)
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
        foreach (var key in start.Environment.Keys.Where(IsInheritedSetting).ToList())
        {
            start.Environment.Remove(key);
        }

        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";
        // The app exits when our end of its input closes, so it cannot outlive a killed test host.
        start.Environment["BLUEGREEN_EXIT_WITH_PARENT_STDIN"] = "1";
        // Belt and braces: the SDK must never look for the EC2 metadata service from a test.
        start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
        start.Environment["AWS_EC2_METADATA_SERVICE_ENDPOINT"] = "http://127.0.0.1:9";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var output = new StringBuilder();
        var process = new Process { StartInfo = start };
        DataReceivedEventHandler collect = (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (output)
                {
                    output.AppendLine(text);
                }
            }
        };
        process.OutputDataReceived += collect;
        process.ErrorDataReceived += collect;
        process.Start();
        return (process, output);
    }

    private static bool IsInheritedSetting(string key) =>
        key.StartsWith("AWS_", StringComparison.Ordinal) || key.StartsWith("BLUEGREEN_", StringComparison.Ordinal)
        || key.StartsWith("ASPNETCORE_", StringComparison.Ordinal);

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);

    [GeneratedRegex(@"Now listening on: (http://\S+)")]
    private static partial Regex ListeningLine();
}
