using System.Diagnostics;
using System.Text.Json;

namespace BlueGreen.Aws.Tests.Signing;

/// <summary>Signs a recorded request again with botocore (the AWS CLI's signer, installed with moto) and returns its Authorization header.</summary>
internal static class BotocoreSigner
{
    public static async Task<string> AuthorizationAsync(RecordedRequest request, string accessKey, string secretKey, string region, string service)
    {
        var signedHeaders = request.Headers["Authorization"].Split("SignedHeaders=")[1].Split(',')[0].Split(';');
        var headers = signedHeaders.Where(h => h != "x-amz-date").ToDictionary(h => h, h => request.Headers.GetValueOrDefault(h) ?? (h == "host" ? request.Uri.Authority : throw new InvalidOperationException($"The request signed the header {h} but did not send it.")), StringComparer.Ordinal);
        var input = JsonSerializer.Serialize(new
        {
            method = request.Method.Method,
            url = request.Uri.ToString(),
            headers,
            body = request.Body,
            accessKey,
            secretKey,
            region,
            service,
            timestamp = request.Headers["X-Amz-Date"],
        });
        var script = Path.Combine(AppContext.BaseDirectory, "TestData", "botocore", "resign.py");
        using var python = Process.Start(new ProcessStartInfo("python3", [script])
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        }) ?? throw new InvalidOperationException("python3 could not be started.");
        try
        {
            await python.StandardInput.WriteAsync(input);
            python.StandardInput.Close();
            var output = python.StandardOutput.ReadToEndAsync();
            var errors = python.StandardError.ReadToEndAsync();
            using var deadline = new CancellationTokenSource(TimeSpan.FromSeconds(60));
            await python.WaitForExitAsync(deadline.Token);
            Assert.True(python.ExitCode == 0, $"botocore could not sign the request (python3 {script}): {await errors}");
            return (await output).Trim();
        }
        finally
        {
            if (!python.HasExited)
            {
                python.Kill(entireProcessTree: true);
            }
        }
    }
}
