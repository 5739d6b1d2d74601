using System.Net;
using System.Text;

namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>An HTTP handler that answers from a script, records every request, and fails on one it did not expect.</summary>
internal sealed class RecordingHandler : HttpMessageHandler
{
    private readonly Queue<(HttpMethod Method, string PathPrefix, Func<HttpResponseMessage> Respond)> _script = new();

    public List<RecordedRequest> Requests { get; } = [];

    public RecordingHandler Expect(HttpMethod method, string pathPrefix, HttpStatusCode status, string body)
    {
        _script.Enqueue((method, pathPrefix, () => new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, "text/xml") }));
        return this;
    }

    public RecordingHandler ExpectNetworkFailure(HttpMethod method, string pathPrefix)
    {
        _script.Enqueue((method, pathPrefix, () => throw new HttpRequestException("Connection refused (127.0.0.1:9)")));
        return this;
    }

    /// <summary>Fails when a scripted answer was never asked for.</summary>
    public void VerifyAllAnswered() => Assert.True(_script.Count == 0, $"{_script.Count} expected request(s) never came; the next was {(_script.Count > 0 ? _script.Peek().Method + " " + _script.Peek().PathPrefix : string.Empty)}.");

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? null : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers[name] = string.Join(',', values);
            }
        }

        Requests.Add(new RecordedRequest(request.Method, request.RequestUri!, body, headers));
        Assert.True(_script.Count > 0, $"Unexpected request {request.Method} {request.RequestUri}.");
        var (method, prefix, respond) = _script.Dequeue();
        Assert.Equal(method, request.Method);
        Assert.StartsWith(prefix, request.RequestUri!.PathAndQuery, StringComparison.Ordinal);
        return respond();
    }
}

/// <summary>One request as the handler saw it.</summary>
internal sealed record RecordedRequest(HttpMethod Method, Uri Uri, string? Body, IReadOnlyDictionary<string, string> Headers);
