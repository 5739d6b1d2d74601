using System.Net;
using System.Text;

namespace BlueGreen.Kubernetes.Tests.Fakes;

/// <summary>Answers Kubernetes API requests from recorded JSON files, records every request, and notes any it was not given.</summary>
internal sealed class ApiServerStub : DelegatingHandler
{
    private readonly Dictionary<string, Queue<(HttpStatusCode Status, string File)>> _routes = new(StringComparer.Ordinal);
    private readonly HashSet<string> _timeouts = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    /// <summary>Bodies of requests that had one, in order.</summary>
    public List<string> Bodies { get; } = [];

    /// <summary>Content types of requests that had a body, in order.</summary>
    public List<string> ContentTypes { get; } = [];

    /// <summary>Query strings of every request, in order.</summary>
    public List<string> Queries { get; } = [];

    public List<string> Unexpected { get; } = [];

    /// <summary>Answers <c>METHOD /path</c> (query left out) with a TestData/kubernetes file.</summary>
    public ApiServerStub On(string methodAndPath, string file, HttpStatusCode status = HttpStatusCode.OK)
    {
        _routes[methodAndPath] = new Queue<(HttpStatusCode, string)>([(status, file)]);
        return this;
    }

    /// <summary>Lets <c>METHOD /path</c> time out, as HttpClient reports it: a TaskCanceledException caused by a TimeoutException.</summary>
    public ApiServerStub TimeOut(string methodAndPath)
    {
        _timeouts.Add(methodAndPath);
        return this;
    }

    /// <summary>Answers successive requests with successive files; the last one answers every request after.</summary>
    public ApiServerStub OnSequence(string methodAndPath, params string[] files)
    {
        _routes[methodAndPath] = new Queue<(HttpStatusCode, string)>(files.Select(f => (HttpStatusCode.OK, f)));
        return this;
    }

    /// <summary>The usual paths of a ready green colour.</summary>
    public ApiServerStub ReadyColour()
    {
        const string apps = "GET /apis/argoproj.io/v1alpha1/namespaces/argocd/applications/";
        return On(apps + "app-of-apps", "application-app-of-apps.json")
            .On(apps + "aws-load-balancer-controller", "application-aws-load-balancer-controller.json")
            .On(apps + "external-dns", "application-external-dns.json")
            .On(apps + "sample-app", "application-sample-app.json")
            .On("GET /apis/apps/v1/namespaces/app/deployments", "deployments.json")
            .On("GET /apis/networking.k8s.io/v1/namespaces/app/ingresses", "ingresses.json");
    }

    public static string Read(string file) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "kubernetes", file));

    public Task<HttpResponseMessage> SendForTestAsync(HttpRequestMessage request, CancellationToken cancellationToken) => SendAsync(request, cancellationToken);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = $"{request.Method} {request.RequestUri!.AbsolutePath}";
        Requests.Add(key);
        Queries.Add(request.RequestUri.Query);
        if (request.Content is not null)
        {
            Bodies.Add(await request.Content.ReadAsStringAsync(cancellationToken));
            ContentTypes.Add(request.Content.Headers.ContentType?.MediaType ?? string.Empty);
        }

        if (_timeouts.Contains(key))
        {
            throw new TaskCanceledException("The request was canceled due to the configured HttpClient.Timeout of 100 seconds elapsing.", new TimeoutException("The operation was canceled."));
        }

        if (!_routes.TryGetValue(key, out var route))
        {
            Unexpected.Add(key);
            return new HttpResponseMessage(HttpStatusCode.NotImplemented) { RequestMessage = request, Content = new StringContent("{}", Encoding.UTF8, "application/json") };
        }

        var (status, file) = route.Count > 1 ? route.Dequeue() : route.Peek();
        return new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(Read(file), Encoding.UTF8, "application/json") };
    }
}
