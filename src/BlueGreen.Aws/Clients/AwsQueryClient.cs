using System.Xml;
using System.Xml.Linq;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Signing;
using Polly;

namespace BlueGreen.Aws.Clients;

/// <summary>
/// One AWS service's Query API (form-encoded POST of Action and Version, XML answers) over HttpClient, signed with SigV4,
/// throttling, 5xx and network errors retried with the shared backoff. Only for actions that are safe to repeat.
/// </summary>
public sealed class AwsQueryClient
{
    private readonly HttpClient _http;
    private readonly ServiceEndpoint _endpoint;
    private readonly SigV4RequestSigner _signer;
    private readonly ResiliencePipeline _retry;
    private readonly int _maxRetries;

    public AwsQueryClient(HttpClient http, AwsQueryService service, ServiceEndpoint endpoint, SigV4RequestSigner signer, TimeProvider time, AwsRetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(service);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(retry);
        _http = http;
        Service = service;
        _endpoint = endpoint;
        _signer = signer;
        _maxRetries = Math.Max(0, retry.MaxRetries);
        _retry = AwsRetryPipeline.Build(retry, time, e => e is AwsQueryException { IsTransient: true });
    }

    /// <summary>The service this client talks to.</summary>
    public AwsQueryService Service { get; }

    /// <summary>
    /// Sends <paramref name="action"/> with <paramref name="parameters"/> (already flattened, e.g. Names.member.1) and returns
    /// the answer's &lt;ActionResult&gt; element (the &lt;ActionResponse&gt; itself for actions without a result).
    /// </summary>
    public async Task<XElement> SendAsync(string action, IEnumerable<KeyValuePair<string, string>> parameters, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(action);
        ArgumentNullException.ThrowIfNull(parameters);
        var form = new List<KeyValuePair<string, string>> { new("Action", action), new("Version", Service.ApiVersion) };
        form.AddRange(parameters);
        try
        {
            var text = await _retry.ExecuteAsync(async ct => await SendOnceAsync(action, form, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
            return Result(action, text);
        }
        catch (AwsQueryException e) when (e.IsTransient && _maxRetries > 0)
        {
            throw new AwsQueryException(e.Code, e.StatusCode, e.ServiceMessage, e.RequestId, Core.Text.Sentences.Join(e.Message, $"It was retried {_maxRetries} times with backoff; wait and run the command again (it is safe to repeat)."));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            throw new AwsQueryException(Core.Text.Sentences.Join($"{Service.DisplayName} {action} could not reach {_endpoint.Url} after {_maxRetries} retries: {Core.Text.Sentences.Clause(e.Message)}.", $"Check the network and the endpoint (AWS_ENDPOINT_URL_{Service.EnvironmentId})."), e);
        }
    }

    private async Task<string> SendOnceAsync(string action, IReadOnlyList<KeyValuePair<string, string>> form, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, _endpoint.Url) { Content = new FormUrlEncodedContent(form) };

        // Signed per attempt: a retry gets a fresh X-Amz-Date.
        await _signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{Service.DisplayName} {action} timed out.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            throw Error(action, (int)response.StatusCode, text);
        }
    }

    private XElement Result(string action, string text)
    {
        XElement root;
        try
        {
            root = XDocument.Parse(text).Root ?? throw new XmlException("The document has no root element.");
        }
        catch (XmlException e)
        {
            throw new AwsQueryException($"{Service.DisplayName} answered {action} with something that is not XML ({e.Message}); check that the endpoint {_endpoint.Url} is {Service.DisplayName} (AWS_ENDPOINT_URL_{Service.EnvironmentId}).", e);
        }

        if (root.Name.LocalName != action + "Response")
        {
            throw new AwsQueryException($"{Service.DisplayName} answered {action} with <{root.Name.LocalName}> instead of <{action}Response>; check that the endpoint {_endpoint.Url} is {Service.DisplayName} (AWS_ENDPOINT_URL_{Service.EnvironmentId}).");
        }

        return root.Element(root.Name.Namespace + (action + "Result")) ?? root;
    }

    private AwsQueryException Error(string action, int status, string body)
    {
        var (code, message, requestId) = ParseError(body);
        var said = message is null ? string.Empty : $" {Service.DisplayName} said: {Core.Text.Sentences.Clause(message)}.";
        var text = code switch
        {
            "AccessDenied" or "AccessDeniedException" or "UnauthorizedOperation" =>
                $"{Service.DisplayName} denied {action}.{said} Grant the caller {Service.IamPrefix}:{action} (the operator policy in docs/aws-runbook.md).",
            "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredToken" or "IncompleteSignature" or "MissingAuthenticationToken" or "InvalidSignatureException" =>
                $"{Service.DisplayName} did not accept the credentials for {action} ({code}).{said} Refresh them (e.g. aws sso login, or export fresh AWS_* variables) and run again.",
            _ => $"{Service.DisplayName} answered {action} with {status} {code}.{said}",
        };
        return new AwsQueryException(code, status, message, requestId, text);
    }

    /// <summary>The code, message and request id of an &lt;ErrorResponse&gt; (or EC2's &lt;Response&gt;&lt;Errors&gt;); Unknown when the body is not one.</summary>
    internal static (string Code, string? Message, string? RequestId) ParseError(string body)
    {
        try
        {
            var root = XDocument.Parse(body).Root;
            var error = root?.DescendantsAndSelf().FirstOrDefault(e => e.Name.LocalName == "Error");
            var code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value.Trim();
            var message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value.Trim();
            var requestId = root?.Descendants().FirstOrDefault(e => e.Name.LocalName is "RequestId" or "RequestID")?.Value.Trim();
            return (string.IsNullOrEmpty(code) ? "Unknown" : code, string.IsNullOrEmpty(message) ? null : message, string.IsNullOrEmpty(requestId) ? null : requestId);
        }
        catch (XmlException)
        {
            return ("Unknown", null, null);
        }
    }
}
