using System.Diagnostics;
using System.Security.Cryptography;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>
/// Runs bluegreen in its own process in a fresh working directory that holds only a copy of bluegreen.yaml, and
/// records what the run left behind: files written or changed there, processes still running, requests to AWS
/// (every AWS endpoint and the HTTP proxy point at a recording endpoint on 127.0.0.1 that serves nothing).
/// </summary>
internal sealed class IsolatedRun : IDisposable
{
    private const string MarkVariable = "BLUEGREEN_TEST_RUN";

    private readonly TempDirectory _directory = new();
    // Forwards to a port where nothing listens: it only records that a request was sent.
    private readonly FaultyProxy _aws = new(new Uri("http://127.0.0.1:9"), new FaultInjectingHandler());
    private readonly string _mark = Guid.NewGuid().ToString("N");

    public IsolatedRun() => File.Copy(CliRunner.DefaultConfigPath, _directory.File("bluegreen.yaml"));

    public string WorkingDirectory => _directory.Path;

    public async Task<IsolatedResult> RunAsync(params string[] args)
    {
        var before = Snapshot();
        var environment = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            ["AWS_ACCESS_KEY_ID"] = "TESTKEY",
            ["AWS_SECRET_ACCESS_KEY"] = "TESTSECRET",
            ["AWS_ENDPOINT_URL"] = _aws.Endpoint.ToString(),
            ["HTTP_PROXY"] = _aws.Endpoint.ToString(),
            ["HTTPS_PROXY"] = _aws.Endpoint.ToString(),
            [MarkVariable] = _mark,
        };

        var (exitCode, output) = await CliProcess.RunInAsync(_directory.Path, environment, args);
        var after = Snapshot();
        var changed = after.Keys.Union(before.Keys).Where(path => !before.TryGetValue(path, out var was) || !after.TryGetValue(path, out var now) || was != now).Order(StringComparer.Ordinal).ToList();
        return new IsolatedResult(exitCode, output, changed, ProcessScan.Carrying(MarkVariable, _mark), [.. _aws.Network.Requests.Select(r => $"{r} {r.Headers.GetValueOrDefault("Authorization")}")]);
    }

    /// <summary>Stops whatever a run left running, so that a failing test leaves nothing behind either.</summary>
    public void Dispose()
    {
        foreach (var pid in ProcessScan.Carrying(MarkVariable, _mark))
        {
            try
            {
                using var process = Process.GetProcessById(pid);
                process.Kill(entireProcessTree: true);
                process.WaitForExit(TimeSpan.FromSeconds(10));
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }

        _aws.Dispose();
        _directory.Dispose();
    }

    /// <summary>Every file and folder under the working directory, with a hash of each file's content.</summary>
    private Dictionary<string, string> Snapshot() =>
        Directory.EnumerateFileSystemEntries(_directory.Path, "*", SearchOption.AllDirectories).ToDictionary(
            path => Path.GetRelativePath(_directory.Path, path),
            path => File.Exists(path) ? Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(path))) : "directory",
            StringComparer.Ordinal);
}
