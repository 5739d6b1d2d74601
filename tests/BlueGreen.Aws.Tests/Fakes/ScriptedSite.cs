using System.Net;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>A web site whose answers and latency (on the fake clock) are scripted, recording each request.</summary>
internal sealed class ScriptedSite(FakeTimeProvider time) : HttpMessageHandler
{
    private readonly Queue<(HttpStatusCode? Status, TimeSpan Latency)> _answers = new();
    private readonly object _gate = new();
    private HttpStatusCode? _always;

    public List<Uri> Requests { get; } = [];

    public void Answer(HttpStatusCode status, TimeSpan latency) => _answers.Enqueue((status, latency));

    public void Refuse() => _answers.Enqueue((null, TimeSpan.Zero));

    public void AnswerAlways(HttpStatusCode status) => _always = status;

    /// <summary>Completes once <paramref name="count"/> requests have come in.</summary>
    public async Task WaitForRequestsAsync(int count)
    {
        for (var spin = 0; spin < 10_000; spin++)
        {
            lock (_gate)
            {
                if (Requests.Count >= count)
                {
                    return;
                }
            }

            await Task.Delay(1);
        }

        throw new TimeoutException($"Only {Requests.Count} of {count} requests came.");
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Requests.Add(request.RequestUri!);
        }

        if (_always is { } status)
        {
            return Task.FromResult(new HttpResponseMessage(status));
        }

        var (answer, latency) = _answers.Dequeue();
        time.Advance(latency);
        return answer is null
            ? Task.FromException<HttpResponseMessage>(new HttpRequestException("Connection refused"))
            : Task.FromResult(new HttpResponseMessage(answer.Value));
    }
}
