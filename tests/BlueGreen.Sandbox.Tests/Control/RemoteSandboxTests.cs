using System.Net;
using System.Net.Sockets;
using System.Text;
using BlueGreen.Sandbox.Control;

namespace BlueGreen.Sandbox.Tests.Control;

public sealed class RemoteSandboxTests : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);

    public RemoteSandboxTests() => _listener.Start();

    private Uri Address => new($"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/");

    [Fact]
    public async Task ReportsAHangingSandbox_AsUnreachable_WhenTheClientTimesOut()
    {
        // The listener accepts the connection but never answers.
        using var sandbox = new RemoteSandbox(Address, TimeSpan.FromMilliseconds(200));

        var e = await Assert.ThrowsAsync<SandboxUnreachableException>(() => sandbox.GetWeightsAsync(CancellationToken.None));

        Assert.Contains("did not answer within", e.Message, StringComparison.Ordinal);
        Assert.IsType<TaskCanceledException>(e.InnerException);
    }

    [Fact]
    public async Task LeavesTheCallersCancellation_AsCancellation()
    {
        using var sandbox = new RemoteSandbox(Address, TimeSpan.FromSeconds(30));
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(100));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => sandbox.GetWeightsAsync(cancel.Token));
    }

    [Fact]
    public async Task ReportsASandboxWithoutRecords_WithWhatToDo()
    {
        var answering = AnswerOnceAsync("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n");
        using var sandbox = new RemoteSandbox(Address, TimeSpan.FromSeconds(30));

        var e = await Assert.ThrowsAsync<SandboxUnreachableException>(() => sandbox.GetWeightsAsync(CancellationToken.None));

        Assert.Contains("has no weighted records", e.Message, StringComparison.Ordinal);
        Assert.Contains("bluegreen sandbox up", e.Message, StringComparison.Ordinal);
        await answering.WaitAsync(TimeSpan.FromSeconds(30));
    }

    public void Dispose() => _listener.Dispose();

    private async Task AnswerOnceAsync(string response)
    {
        using var client = await _listener.AcceptTcpClientAsync();
        var stream = client.GetStream();
        var buffer = new byte[4096];
        var request = new StringBuilder();
        while (!request.ToString().Contains("\r\n\r\n", StringComparison.Ordinal))
        {
            var read = await stream.ReadAsync(buffer);
            if (read == 0)
            {
                return;
            }

            request.Append(Encoding.ASCII.GetString(buffer, 0, read));
        }

        await stream.WriteAsync(Encoding.ASCII.GetBytes(response));
    }
}
