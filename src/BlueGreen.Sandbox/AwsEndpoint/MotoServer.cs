using System.Globalization;
using System.Text.RegularExpressions;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Processes;

namespace BlueGreen.Sandbox.AwsEndpoint;

/// <summary>
/// <c>moto_server</c> (moto, an independent implementation of the AWS APIs) on 127.0.0.1 and a port the
/// system picks: one endpoint for every service. Stopped on dispose and, on Linux, killed with this process.
/// </summary>
public sealed partial class MotoServer : IAsyncDisposable
{
    /// <summary>The program's name on PATH.</summary>
    public const string Program = "moto_server";

    /// <summary>What to run when it is missing.</summary>
    public const string InstallHint = "pip install \"moto[server]\"";

    private static readonly TimeSpan Poll = TimeSpan.FromMilliseconds(50);

    private readonly ChildProcessSupervisor _supervisor;
    private readonly SupervisedProcess _process;
    private int _stopped;

    private MotoServer(ChildProcessSupervisor supervisor, SupervisedProcess process, Uri endpoint)
    {
        _supervisor = supervisor;
        _process = process;
        Endpoint = endpoint;
    }

    /// <summary>The endpoint of every AWS API it serves, e.g. <c>http://127.0.0.1:41377</c>.</summary>
    public Uri Endpoint { get; }

    /// <summary>Process id of the server.</summary>
    public int ProcessId => _process.Id;

    /// <summary>Whether moto_server is on PATH.</summary>
    public static bool IsInstalled => ExecutableSearch.Find(Program) is not null;

    /// <summary>Starts the server and returns once it answers HTTP.</summary>
    /// <exception cref="AwsEndpointException">moto_server is not installed, exits, or does not answer within <paramref name="timeout"/>.</exception>
    public static async Task<MotoServer> StartAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        if (!IsInstalled)
        {
            throw new AwsEndpointException($"{Program} is not installed or not on PATH; install it with `{InstallHint}` and run again.");
        }

        var supervisor = new ChildProcessSupervisor(TimeSpan.FromSeconds(5));
        SupervisedProcess? process = null;
        try
        {
            process = supervisor.Start(new ChildProcessSpec
            {
                Name = Program,
                FileName = Program,

                // Port 0: the system picks a free port and the server prints it, so no other process can take it first.
                Arguments = ["-H", "127.0.0.1", "-p", "0"],
                Environment = new Dictionary<string, string> { ["PYTHONUNBUFFERED"] = "1" },
            });
            var endpoint = await WaitForEndpointAsync(process, timeout, cancellationToken).ConfigureAwait(false);
            await WaitAnsweringAsync(process, endpoint, timeout, cancellationToken).ConfigureAwait(false);
            return new MotoServer(supervisor, process, endpoint);
        }
        catch (ChildProcessException e)
        {
            await supervisor.DisposeAsync().ConfigureAwait(false);
            throw new AwsEndpointException($"{Program} could not be started: {e.Message}", e);
        }
        catch
        {
            await supervisor.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>Stops the server (SIGTERM, then SIGKILL after a grace period).</summary>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 0)
        {
            await _supervisor.DisposeAsync().ConfigureAwait(false);
        }
    }

    private static async Task<Uri> WaitForEndpointAsync(SupervisedProcess process, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        while (true)
        {
            // werkzeug prints " * Running on http://127.0.0.1:<port>" once it listens.
            foreach (var line in process.OutputTail)
            {
                if (RunningOn().Match(line) is { Success: true } match)
                {
                    return new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{match.Groups[1].Value}"));
                }
            }

            Check(process, deadline, timeout, "did not say which port it listens on");
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static async Task WaitAnsweringAsync(SupervisedProcess process, Uri endpoint, TimeSpan timeout, CancellationToken cancellationToken)
    {
        var deadline = DateTimeOffset.UtcNow + timeout;
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        while (true)
        {
            try
            {
                using var response = await http.GetAsync(new Uri(endpoint, "/moto-api/"), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (HttpRequestException)
            {
                // Not accepting connections yet.
            }
            catch (TaskCanceledException) when (!cancellationToken.IsCancellationRequested)
            {
                // Too slow to answer yet (a busy machine).
            }

            Check(process, deadline, timeout, $"does not answer on {endpoint}");
            await Task.Delay(Poll, cancellationToken).ConfigureAwait(false);
        }
    }

    private static void Check(SupervisedProcess process, DateTimeOffset deadline, TimeSpan timeout, string problem)
    {
        if (process.HasExited)
        {
            throw new AwsEndpointException($"{Program} exited with code {process.ExitCode} while starting. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, process.OutputTail)}");
        }

        if (DateTimeOffset.UtcNow > deadline)
        {
            throw new AwsEndpointException($"{Program} {problem} after {timeout.TotalSeconds:0} s. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, process.OutputTail)}");
        }
    }

    [GeneratedRegex(@"Running on http://127\.0\.0\.1:(\d+)")]
    private static partial Regex RunningOn();
}
