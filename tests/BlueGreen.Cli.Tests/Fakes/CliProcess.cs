using System.Diagnostics;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>
/// Runs the built bluegreen in its own process with a chosen environment: no AWS_* variable of this machine,
/// and an empty home directory, so neither credentials nor a kubeconfig from outside the test are found.
/// </summary>
internal static class CliProcess
{
    public static Task<(int ExitCode, string Output)> RunAsync(IReadOnlyDictionary<string, string> environment, params string[] args) =>
        RunInAsync(workingDirectory: null, environment, args);

    /// <summary>Runs in <paramref name="workingDirectory"/> (the empty home directory when null).</summary>
    public static async Task<(int ExitCode, string Output)> RunInAsync(string? workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var home = Path.Combine(Path.GetTempPath(), "bluegreen-home-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(home);
        try
        {
            var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "bluegreen.dll"), .. args])
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
                WorkingDirectory = workingDirectory ?? home,
            };
            foreach (var name in start.Environment.Keys.Where(k => k.StartsWith("AWS_", StringComparison.Ordinal) || k == "KUBECONFIG").ToList())
            {
                start.Environment.Remove(name);
            }

            start.Environment["HOME"] = home;
            start.Environment["AWS_EC2_METADATA_DISABLED"] = "true";
            start.Environment["AWS_CONFIG_FILE"] = Path.Combine(home, "no-aws-config");
            start.Environment["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(home, "no-aws-credentials");
            start.Environment["NO_COLOR"] = "1";
            start.Environment["COLUMNS"] = "200";
            foreach (var (name, value) in environment)
            {
                start.Environment[name] = value;
            }

            using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started.");
            var output = process.StandardOutput.ReadToEndAsync();
            var error = process.StandardError.ReadToEndAsync();
            using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
            try
            {
                await process.WaitForExitAsync(timeout.Token);
            }
            catch (OperationCanceledException)
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"bluegreen {string.Join(' ', args)} did not finish within 2 minutes.");
            }

            return (process.ExitCode, await output + await error);
        }
        finally
        {
            Directory.Delete(home, recursive: true);
        }
    }
}
