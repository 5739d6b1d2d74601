using System.Net;
using System.Net.Sockets;

namespace BlueGreen.Tests;

/// <summary>
/// A real HTTP endpoint on 127.0.0.1 in front of moto, for commands run as their own process: every request is
/// forwarded through a <see cref="FaultInjectingHandler"/>, so a test scripts the same faults (a lost answer, a 403, a
/// change still PENDING, a slow answer) for a process it cannot reach into, and sees every request it sent.
/// </summary>
public sealed class FaultyProxy : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly HttpClient _client;
    private readonly Uri _target;
    private readonly Task _loop;

    public FaultyProxy(Uri target, FaultInjectingHandler network)
    {
        ArgumentNullException.ThrowIfNull(network);
        _target = target;
        Network = network;
        _client = new HttpClient(network, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(60) };

        // HttpListener cannot take port 0: take a free port from the system, then listen on it.
        for (var attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            var port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            try
            {
                _listener.Prefixes.Clear();
                _listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                _listener.Start();
                Endpoint = new Uri($"http://127.0.0.1:{port}");
                break;
            }
            catch (HttpListenerException) when (attempt < 5)
            {
                // Taken between the probe and the listener by another process; try another.
            }
        }

        _loop = Task.Run(ServeAsync);
    }

    public Uri Endpoint { get; } = new("http://127.0.0.1:9");

    /// <summary>The network the requests go through: script faults on it, read its requests.</summary>
    public FaultInjectingHandler Network { get; }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try
        {
            _loop.Wait(TimeSpan.FromSeconds(10));
        }
        catch (AggregateException)
        {
            // The loop ends with the listener.
        }

        _client.Dispose();
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            _ = Task.Run(() => ForwardAsync(context));
        }
    }

    private async Task ForwardAsync(HttpListenerContext context)
    {
        using var response = context.Response;
        try
        {
            var incoming = context.Request;
            using var request = new HttpRequestMessage(new HttpMethod(incoming.HttpMethod), new Uri(_target, incoming.Url!.PathAndQuery));
            using var body = new MemoryStream();
            await incoming.InputStream.CopyToAsync(body);
            if (body.Length > 0 || incoming.HttpMethod is "PUT" or "POST")
            {
                request.Content = new ByteArrayContent(body.ToArray());
            }

            foreach (var name in incoming.Headers.AllKeys.OfType<string>())
            {
                if (name is "Host" or "Connection" or "Content-Length" or "Transfer-Encoding" or "Expect")
                {
                    continue;
                }

                var value = incoming.Headers[name]!;
                if (!request.Headers.TryAddWithoutValidation(name, value))
                {
                    request.Content?.Headers.TryAddWithoutValidation(name, value);
                }
            }

            using var answer = await _client.SendAsync(request);
            response.StatusCode = (int)answer.StatusCode;
            foreach (var (name, values) in answer.Headers.Concat(answer.Content.Headers))
            {
                if (name is "Transfer-Encoding" or "Connection" or "Content-Length")
                {
                    continue;
                }

                response.Headers[name] = string.Join(',', values);
            }

            var bytes = await answer.Content.ReadAsByteArrayAsync();
            response.ContentLength64 = bytes.Length;
            await response.OutputStream.WriteAsync(bytes);
        }
        catch (HttpRequestException)
        {
            // A refused connection (scripted, or moto gone): the client sees the connection dropped.
            response.Abort();
        }
        catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or IOException)
        {
            // The client went away.
        }
    }
}
