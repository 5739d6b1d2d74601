using System.Diagnostics;
using System.Globalization;
using System.Text;
using BlueGreen.Sandbox.Processes;

namespace BlueGreen.Sandbox.Database;

/// <summary>Starts <c>serve.js</c> under node and reads the port it reports once it listens.</summary>
internal static class DynaliteProcess
{
    private const string ReadyPrefix = "listening ";

    public static async Task<(Process Process, int Port)> LaunchAsync(
        string node, string toolDirectory, DynaliteOptions options, CancellationToken cancellationToken)
    {
        var script = Path.Combine(toolDirectory, "serve.js");
        if (!File.Exists(script))
        {
            throw new DynaliteException($"The launcher {script} is missing; restore it from the repository.");
        }

        var start = new ProcessStartInfo(node)
        {
            WorkingDirectory = toolDirectory,
            // The child watches its standard input: when this process dies for any reason the pipe
            // closes and the child exits, which a kill signal to us could not otherwise guarantee.
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(script);
        start.ArgumentList.Add(options.Port.ToString(CultureInfo.InvariantCulture));
        OwnSession.Apply(start);

        var process = Process.Start(start) ?? throw new DynaliteException($"Could not start '{node} {script}'.");
        var ready = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        var errors = new StringBuilder();
        process.OutputDataReceived += (_, line) =>
        {
            if (line.Data is { } text && text.StartsWith(ReadyPrefix, StringComparison.Ordinal)
                && int.TryParse(text.AsSpan(ReadyPrefix.Length), NumberStyles.None, CultureInfo.InvariantCulture, out var port))
            {
                ready.TrySetResult(port);
            }
        };
        process.ErrorDataReceived += (_, line) =>
        {
            if (line.Data is { } text)
            {
                lock (errors)
                {
                    errors.AppendLine(text);
                }
            }
        };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();

        try
        {
            var exited = process.WaitForExitAsync(cancellationToken);
            var timeout = Task.Delay(options.StartTimeout, cancellationToken);
            var first = await Task.WhenAny(ready.Task, exited, timeout).ConfigureAwait(false);
            if (first == ready.Task)
            {
                return (process, await ready.Task.ConfigureAwait(false));
            }

            cancellationToken.ThrowIfCancellationRequested();
            if (first == exited)
            {
                await process.WaitForExitAsync(cancellationToken).ConfigureAwait(false);
                string detail;
                lock (errors)
                {
                    detail = errors.ToString().Trim();
                }

                throw new DynaliteException(
                    $"dynalite exited with code {process.ExitCode} before listening on 127.0.0.1:{options.Port}: {detail}");
            }

            throw new DynaliteException(
                $"dynalite did not report a listening port within {options.StartTimeout.TotalSeconds:0} s.");
        }
        catch
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }

            process.Dispose();
            throw;
        }
    }
}
