using System.Collections.Concurrent;
using System.Net;
using System.Text;
using Amazon.Runtime;

namespace BlueGreen.Tests;

/// <summary>
/// The network between a client and moto: forwards every request to moto and records it, except where a
/// scripted fault says otherwise. A fault can lose moto's answer after moto acted on the request, answer in
/// moto's place (throttling, 403), refuse the connection, rewrite moto's answer (a change still PENDING), or let
/// another party act on moto just before a request arrives (a race lost at a known point).
/// That shows the code's handling of what moto never does itself, with moto holding the real state.
/// </summary>
public sealed class FaultInjectingHandler : DelegatingHandler
{
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly List<Rule> _rules = [];
    private readonly Lock _rulesLock = new();
    private readonly ConcurrentDictionary<string, SemaphoreSlim> _keyGates = new(StringComparer.Ordinal);
    private bool _serializeConditionalWrites;

    public FaultInjectingHandler()
        : base(new SocketsHttpHandler { PooledConnectionLifetime = TimeSpan.FromMinutes(1) })
    {
    }

    /// <summary>Every request, in the order sent, with its headers and body.</summary>
    public IReadOnlyList<RecordedRequest> Requests => [.. _requests];

    /// <summary>moto acts on the next <paramref name="times"/> matching requests, but the client gets <paramref name="status"/> instead of its answer.</summary>
    public FaultInjectingHandler LoseAnswer(Func<RecordedRequest, bool> match, HttpStatusCode status = HttpStatusCode.InternalServerError, int times = 1) =>
        Add(match, times, forward: true, (_, _) => Answer(status, S3StyleError(status)));

    /// <summary>The next <paramref name="times"/> matching requests never reach moto; the client gets this answer.</summary>
    public FaultInjectingHandler AnswerInstead(Func<RecordedRequest, bool> match, HttpStatusCode status, string body, int times = 1, string contentType = "text/xml") =>
        Add(match, times, forward: false, (_, _) => Answer(status, body, contentType));

    /// <summary>The next <paramref name="times"/> matching requests fail to connect.</summary>
    public FaultInjectingHandler Refuse(Func<RecordedRequest, bool> match, int times = 1) =>
        Add(match, times, forward: false, (_, _) => throw new HttpRequestException("Connection refused (injected)"));

    /// <summary>moto answers the next <paramref name="times"/> matching requests, with its body changed by <paramref name="rewrite"/>.</summary>
    public FaultInjectingHandler Rewrite(Func<RecordedRequest, bool> match, Func<string, string> rewrite, int times = 1) =>
        Add(match, times, forward: true, (answer, body) =>
        {
            var changed = Answer(answer!.StatusCode, rewrite(body!), answer.Content.Headers.ContentType?.MediaType ?? "text/xml");
            foreach (var (name, values) in answer.Headers)
            {
                changed.Headers.TryAddWithoutValidation(name, values);
            }

            return changed;
        });

    /// <summary>
    /// Runs <paramref name="action"/> (another process acting on moto) just before the next <paramref name="times"/> matching
    /// requests are forwarded; the client then gets moto's own answer. This puts a race at an exact point.
    /// </summary>
    public FaultInjectingHandler Before(Func<RecordedRequest, bool> match, Func<Task> action, int times = 1) =>
        Add(match, times, forward: true, respond: null, before: (_, _) => action());

    /// <summary>The next <paramref name="times"/> matching requests reach moto only after <paramref name="delay"/> (a slow network or service).</summary>
    public FaultInjectingHandler Delay(Func<RecordedRequest, bool> match, TimeSpan delay, int times = 1) =>
        Gate(match, (_, ct) => Task.Delay(delay, ct), times);

    /// <summary>The next <paramref name="times"/> matching requests reach moto only once <paramref name="wait"/> completes for them.</summary>
    public FaultInjectingHandler Gate(Func<RecordedRequest, bool> match, Func<RecordedRequest, CancellationToken, Task> wait, int times = 1) =>
        Add(match, times, forward: true, respond: null, before: wait);

    /// <summary>
    /// Sends conditional writes (If-None-Match / If-Match) of one key to moto one at a time, as S3 itself decides them.
    /// moto 5.2.1 checks the condition and then stores the object without a lock (s3/responses.py, put_object), so two
    /// simultaneous conditional creates of one key can both succeed: 1 round in 10,000 of three writers, measured on
    /// this kind of machine. S3 never lets both succeed; without this a concurrency test would test moto's race.
    /// Everything else, including the reads and the other keys, still runs concurrently.
    /// </summary>
    public FaultInjectingHandler SerializeConditionalWrites()
    {
        _serializeConditionalWrites = true;
        return this;
    }

    /// <summary>An AWS SDK client factory whose clients send through this handler.</summary>
    public HttpClientFactory SdkFactory() => new Factory(this);

    /// <summary>A plain client through this handler.</summary>
    public HttpClient Client() => new(this, disposeHandler: false) { Timeout = TimeSpan.FromSeconds(30) };

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var body = request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken);
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                headers[name] = string.Join(',', values);
            }
        }

        var recorded = new RecordedRequest(request.Method, request.RequestUri!, body, headers);
        _requests.Enqueue(recorded);
        Rule? rule;
        lock (_rulesLock)
        {
            rule = _rules.FirstOrDefault(r => r.Left > 0 && r.Match(recorded));
            if (rule is not null)
            {
                rule.Left--;
            }
        }

        if (rule is null)
        {
            return await ForwardAsync(request, recorded, cancellationToken);
        }

        if (rule.Before is not null)
        {
            await rule.Before(recorded, cancellationToken);
        }

        if (rule.Respond is null)
        {
            return await ForwardAsync(request, recorded, cancellationToken);
        }

        if (!rule.Forward)
        {
            return rule.Respond(null, null);
        }

        using var answer = await ForwardAsync(request, recorded, cancellationToken);
        var text = await answer.Content.ReadAsStringAsync(cancellationToken);
        return rule.Respond(answer, text);
    }

    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            foreach (var gate in _keyGates.Values)
            {
                gate.Dispose();
            }
        }

        base.Dispose(disposing);
    }

    private async Task<HttpResponseMessage> ForwardAsync(HttpRequestMessage request, RecordedRequest recorded, CancellationToken cancellationToken)
    {
        var conditional = recorded.Headers.ContainsKey("If-None-Match") || recorded.Headers.ContainsKey("If-Match");
        if (!_serializeConditionalWrites || !conditional || (request.Method != HttpMethod.Put && request.Method != HttpMethod.Delete))
        {
            return await base.SendAsync(request, cancellationToken);
        }

        var gate = _keyGates.GetOrAdd(recorded.Uri.AbsolutePath, _ => new SemaphoreSlim(1, 1));
        await gate.WaitAsync(cancellationToken);
        try
        {
            // moto has decided and stored by the time its answer's headers arrive.
            return await base.SendAsync(request, cancellationToken);
        }
        finally
        {
            gate.Release();
        }
    }

    private FaultInjectingHandler Add(Func<RecordedRequest, bool> match, int times, bool forward, Func<HttpResponseMessage?, string?, HttpResponseMessage>? respond, Func<RecordedRequest, CancellationToken, Task>? before = null)
    {
        lock (_rulesLock)
        {
            _rules.Add(new Rule(match, forward, respond, before) { Left = times });
        }

        return this;
    }

    private static HttpResponseMessage Answer(HttpStatusCode status, string body, string contentType = "text/xml")
    {
        var response = new HttpResponseMessage(status) { Content = new StringContent(body, Encoding.UTF8, contentType) };
        response.Headers.TryAddWithoutValidation("x-amz-request-id", "INJECTED");
        return response;
    }

    private static string S3StyleError(HttpStatusCode status) => status == HttpStatusCode.InternalServerError
        ? "<Error><Code>InternalError</Code><Message>We encountered an internal error. Please try again.</Message></Error>"
        : $"<Error><Code>{status}</Code><Message>Injected.</Message></Error>";

    private sealed class Rule(Func<RecordedRequest, bool> match, bool forward, Func<HttpResponseMessage?, string?, HttpResponseMessage>? respond, Func<RecordedRequest, CancellationToken, Task>? before)
    {
        public Func<RecordedRequest, bool> Match { get; } = match;

        public bool Forward { get; } = forward;

        // Null: moto's answer goes to the client unchanged.
        public Func<HttpResponseMessage?, string?, HttpResponseMessage>? Respond { get; } = respond;

        public Func<RecordedRequest, CancellationToken, Task>? Before { get; } = before;

        public int Left { get; set; }
    }

    private sealed class Factory(FaultInjectingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}

/// <summary>One request as it went out.</summary>
public sealed record RecordedRequest(HttpMethod Method, Uri Uri, string Body, IReadOnlyDictionary<string, string> Headers)
{
    /// <summary>e.g. <c>PUT /bucket/env/lock.json</c>.</summary>
    public override string ToString() => $"{Method} {Uri.PathAndQuery}";

    public bool Is(HttpMethod method, string pathContains) => Method == method && Uri.AbsolutePath.Contains(pathContains, StringComparison.Ordinal);

    /// <summary>The access key id the request was signed with (SigV4's Credential=), or null when unsigned.</summary>
    public string? AccessKey =>
        Headers.GetValueOrDefault("Authorization") is { } authorization && authorization.IndexOf("Credential=", StringComparison.Ordinal) is var at and >= 0
            ? authorization[(at + "Credential=".Length)..].Split('/')[0]
            : null;
}
