using System.Net.Http.Json;
using System.Text.Json;
using BlueGreen.Sandbox.Control;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>A <c>bluegreen sandbox up</c> process for a workspace, stopped with SIGTERM on dispose.</summary>
internal sealed class RunningSandbox : IAsyncDisposable
{
    private readonly SandboxWorkspace _workspace;
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(10) };

    private RunningSandbox(SandboxWorkspace workspace, BlueGreenProcess process, SandboxState state)
    {
        _workspace = workspace;
        Process = process;
        State = state;
    }

    public BlueGreenProcess Process { get; }

    public SandboxState State { get; }

    public string EngineDirectory => SandboxState.EngineDirectoryFor(_workspace.ConfigPath);

    public static async Task<RunningSandbox> StartAsync(SandboxWorkspace workspace)
    {
        var process = BlueGreenProcess.Start(workspace.Directory, "sandbox", "up", "--config", workspace.ConfigPath);
        var deadline = DateTime.UtcNow + TimeSpan.FromSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (SandboxState.Read(workspace.ConfigPath) is { } state && state.Pid == process.Id)
            {
                return new RunningSandbox(workspace, process, state);
            }

            if (process.HasExited)
            {
                break;
            }

            await Task.Delay(200);
        }

        var output = process.Stdout + process.Stderr;
        process.Dispose();
        throw new InvalidOperationException($"bluegreen sandbox up did not become ready:{Environment.NewLine}{output}");
    }

    public async Task<Dictionary<string, int>> WeightsAsync() =>
        (await _http.GetFromJsonAsync<Dictionary<string, int>>(new Uri(State.Control, "weights")))!;

    public async Task SetWeightsAsync(Dictionary<string, int> weights)
    {
        using var response = await _http.PutAsJsonAsync(new Uri(State.Control, "weights"), weights);
        response.EnsureSuccessStatusCode();
    }

    /// <summary>The journal's events, as JSON objects, oldest first.</summary>
    public IReadOnlyList<JsonElement> JournalEvents()
    {
        var path = Path.Combine(EngineDirectory, "journal.jsonl");
        return File.Exists(path)
            ? [.. File.ReadLines(path).Where(l => l.Length > 0).Select(l => JsonDocument.Parse(l).RootElement.GetProperty("event"))]
            : [];
    }

    /// <summary>Moves the finished upgrade's journal away so the next upgrade starts afresh.</summary>
    public void ForgetUpgrade()
    {
        if (Directory.Exists(EngineDirectory))
        {
            Directory.Delete(EngineDirectory, recursive: true);
        }
    }

    public async ValueTask DisposeAsync()
    {
        _http.Dispose();
        if (!Process.HasExited)
        {
            using var term = System.Diagnostics.Process.Start("kill", ["-TERM", Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await term.WaitForExitAsync();
            await Process.WaitAsync(TimeSpan.FromSeconds(30));
        }

        Process.Dispose();
    }
}
