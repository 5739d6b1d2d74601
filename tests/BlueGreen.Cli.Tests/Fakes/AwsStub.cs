using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Text.Json;

namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>
/// Route53 and SSM on 127.0.0.1 as their API references document them: ListResourceRecordSets answers with a
/// fixed XML document; SSM GetParameter (JSON 1.1) answers from <see cref="Parameters"/>, or ParameterNotFound.
/// Every request is recorded with its Authorization header.
/// </summary>
public sealed class AwsStub : IDisposable
{
    private readonly HttpListener _listener = new();
    private readonly Task _loop;

    public AwsStub(string recordSetsXml)
    {
        RecordSetsXml = recordSetsXml;

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

    public string RecordSetsXml { get; }

    /// <summary>SSM parameters by name.</summary>
    public ConcurrentDictionary<string, string> Parameters { get; } = new(StringComparer.Ordinal);

    /// <summary>"METHOD path-and-query target authorization" of every request.</summary>
    public ConcurrentQueue<string> Requests { get; } = new();

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
            // The loop ends with the listener's disposal.
        }
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

            using var response = context.Response;
            var request = context.Request;
            var target = request.Headers["X-Amz-Target"];
            Requests.Enqueue($"{request.HttpMethod} {request.Url!.PathAndQuery} {target} {request.Headers["Authorization"]}");
            if (target == "AmazonSSM.GetParameter")
            {
                using var reader = new StreamReader(request.InputStream, Encoding.UTF8);
                var name = JsonDocument.Parse(await reader.ReadToEndAsync()).RootElement.GetProperty("Name").GetString()!;
                if (Parameters.TryGetValue(name, out var value))
                {
                    Write(response, 200, "application/x-amz-json-1.1", JsonSerializer.Serialize(new { Parameter = new { Name = name, Type = "String", Value = value, Version = 1, DataType = "text" } }));
                }
                else
                {
                    response.Headers["x-amzn-ErrorType"] = "ParameterNotFound";
                    Write(response, 400, "application/x-amz-json-1.1", JsonSerializer.Serialize(new Dictionary<string, string> { ["__type"] = "ParameterNotFound", ["message"] = $"Parameter {name} not found." }));
                }
            }
            else if (request.HttpMethod == "GET" && request.Url.AbsolutePath.StartsWith("/2013-04-01/hostedzone/", StringComparison.Ordinal) && request.Url.AbsolutePath.EndsWith("/rrset", StringComparison.Ordinal))
            {
                Write(response, 200, "text/xml", RecordSetsXml);
            }
            else
            {
                Write(response, 400, "text/xml", "<ErrorResponse xmlns=\"https://route53.amazonaws.com/doc/2013-04-01/\"><Error><Type>Sender</Type><Code>InvalidInput</Code><Message>Not served by this stub.</Message></Error><RequestId>0</RequestId></ErrorResponse>");
            }
        }
    }

    private static void Write(HttpListenerResponse response, int status, string contentType, string body)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        response.StatusCode = status;
        response.ContentType = contentType;
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
    }
}
