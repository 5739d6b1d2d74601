using System.Diagnostics;
using System.Text.RegularExpressions;
using Amazon.Runtime;
using Amazon.S3;

namespace BlueGreen.Tests;

/// <summary>
/// s3rver (tools/s3rver, from the npm registry) on 127.0.0.1 and a free port, with one bucket;
/// started once per test class and always stopped.
/// </summary>
public sealed partial class S3rverFixture : IAsyncLifetime
{
    public const string Bucket = "bluegreen-test";

    private readonly string _data = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "bluegreen-s3rver-" + Guid.NewGuid().ToString("N"));
    private Process? _process;

    public Uri Endpoint { get; private set; } = new("http://127.0.0.1:9");

    public async Task InitializeAsync()
    {
        var script = RepositoryRoot.Combine("tools", "s3rver", "node_modules", "s3rver", "bin", "s3rver.js");
        if (!File.Exists(script))
        {
            throw new InvalidOperationException($"s3rver is not installed: run `npm ci` in tools/s3rver (scripts/test does this).");
        }

        Directory.CreateDirectory(_data);
        var start = new ProcessStartInfo("node", [script, "-d", _data, "-a", "127.0.0.1", "-p", "0", "--configure-bucket", Bucket])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        _process = Process.Start(start) ?? throw new InvalidOperationException("node could not be started.");
        _process.ErrorDataReceived += (_, _) => { };
        _process.BeginErrorReadLine();

        // s3rver prints "S3rver listening on 127.0.0.1:<port>" once it accepts connections.
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            while (await _process.StandardOutput.ReadLineAsync(timeout.Token) is { } line)
            {
                var match = ListeningLine().Match(line);
                if (match.Success)
                {
                    Endpoint = new Uri($"http://127.0.0.1:{match.Groups[1].Value}");
                    _ = DrainAsync(_process.StandardOutput);
                    return;
                }
            }
        }
        catch (OperationCanceledException)
        {
            // A fixture whose start failed is not disposed, so node is stopped here.
            StopNode();
            throw;
        }

        throw new InvalidOperationException("s3rver exited before it listened.");
    }

    public Task DisposeAsync()
    {
        StopNode();
        _process?.Dispose();
        if (Directory.Exists(_data))
        {
            Directory.Delete(_data, recursive: true);
        }

        return Task.CompletedTask;
    }

    /// <summary>An S3 client for s3rver's default credentials, path-style, with checksums only where required (s3rver predates S3's default checksums).</summary>
    public IAmazonS3 Client() => new AmazonS3Client(
        new BasicAWSCredentials("S3RVER", "S3RVER"),
        new AmazonS3Config
        {
            ServiceURL = Endpoint.ToString(),
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            MaxErrorRetry = 0,
        });

    private void StopNode()
    {
        if (_process is { HasExited: false })
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit(10_000);
        }
    }

    private static async Task DrainAsync(StreamReader reader)
    {
        while (await reader.ReadLineAsync() is not null)
        {
        }
    }

    [GeneratedRegex(@"listening on 127\.0\.0\.1:(\d+)")]
    private static partial Regex ListeningLine();
}
