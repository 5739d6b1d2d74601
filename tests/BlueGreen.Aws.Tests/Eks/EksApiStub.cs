using System.Net;
using System.Text;
using BlueGreen.Aws.Tests.Fakes;

namespace BlueGreen.Aws.Tests.Eks;

/// <summary>Answers EKS requests (path and query) from TestData/eks files; records each request and whether it was signed.</summary>
internal sealed class EksApiStub : HttpMessageHandler
{
    private readonly Dictionary<string, (HttpStatusCode Status, string File, string? ErrorType)> _routes = new(StringComparer.Ordinal);

    public List<string> Requests { get; } = [];

    public List<string> Authorizations { get; } = [];

    public EksApiStub On(string pathAndQuery, string file, HttpStatusCode status = HttpStatusCode.OK, string? errorType = null)
    {
        _routes[pathAndQuery] = (status, file, errorType);
        return this;
    }

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var key = request.RequestUri!.PathAndQuery;
        Requests.Add($"{request.Method} {key}");
        Authorizations.Add(request.Headers.TryGetValues("Authorization", out var values) ? string.Join(",", values) : string.Empty);
        if (!_routes.TryGetValue(key, out var route))
        {
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.NotFound) { Content = new StringContent("<html>404</html>") });
        }

        var response = new HttpResponseMessage(route.Status) { Content = new StringContent(TestFiles.Eks(route.File), Encoding.UTF8, "application/json") };
        if (route.ErrorType is not null)
        {
            response.Headers.Add("x-amzn-ErrorType", route.ErrorType + ":http://internal.amazon.com/coral/com.amazon.coral.service/");
        }

        return Task.FromResult(response);
    }
}
