using System.Net;
using System.Text.Json;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Signing;
using Polly;

namespace BlueGreen.Aws.Eks;

/// <summary>
/// EKS's REST-JSON API over HttpClient, signed with SigV4 (service <c>eks</c>), read-only, list operations followed
/// through every <c>nextToken</c>, throttling and server errors retried with jittered backoff.
/// </summary>
public sealed class EksRestClient : IEksApi
{
    private readonly HttpClient _http;
    private readonly ServiceEndpoint _endpoint;
    private readonly SigV4RequestSigner _signer;
    private readonly ResiliencePipeline _retry;

    public EksRestClient(HttpClient http, ServiceEndpoint endpoint, SigV4RequestSigner signer, TimeProvider time, AwsRetryOptions retry)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(signer);
        _http = http;
        _endpoint = endpoint;
        _signer = signer;

        // Every call here is a read, safe to repeat.
        _retry = AwsRetryPipeline.Build(retry, time, e => e is EksException { IsTransient: true });
    }

    /// <summary>EKS's endpoint of a region: AWS_ENDPOINT_URL_EKS, then AWS_ENDPOINT_URL, else <c>https://eks.&lt;region&gt;.amazonaws.com</c>.</summary>
    public static ServiceEndpoint Endpoint(string region, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        return AwsEndpoints.Configured("EKS", environment) is { } configured
            ? new ServiceEndpoint(configured, region, true)
            : new ServiceEndpoint(new Uri($"https://eks.{region}.{suffix}"), region, false);
    }

    public async Task<EksCluster?> DescribeClusterAsync(string cluster, CancellationToken cancellationToken)
    {
        using var json = await GetAsync($"/clusters/{Segment(cluster)}", $"DescribeCluster {cluster}", allowNotFound: true, cancellationToken).ConfigureAwait(false);
        if (json is null)
        {
            return null;
        }

        var body = json.RootElement.GetProperty("cluster");
        return new EksCluster(Text(body, "name"), Text(body, "version"), Text(body, "status"));
    }

    public async Task<IReadOnlyList<EksNodegroup>> NodegroupsAsync(string cluster, CancellationToken cancellationToken)
    {
        var names = await ListAsync($"/clusters/{Segment(cluster)}/node-groups", "nodegroups", $"ListNodegroups {cluster}", cancellationToken).ConfigureAwait(false);
        var groups = new List<EksNodegroup>();
        foreach (var name in names)
        {
            using var json = await GetAsync($"/clusters/{Segment(cluster)}/node-groups/{Segment(name)}", $"DescribeNodegroup {cluster}/{name}", allowNotFound: false, cancellationToken).ConfigureAwait(false);
            var body = json!.RootElement.GetProperty("nodegroup");
            var types = body.TryGetProperty("instanceTypes", out var t) && t.ValueKind == JsonValueKind.Array ? [.. t.EnumerateArray().Select(e => e.GetString()!)] : Array.Empty<string>();
            groups.Add(new EksNodegroup(Text(body, "nodegroupName"), Text(body, "version"), types));
        }

        return groups;
    }

    public async Task<IReadOnlyList<EksAddon>> AddonsAsync(string cluster, CancellationToken cancellationToken)
    {
        var names = await ListAsync($"/clusters/{Segment(cluster)}/addons", "addons", $"ListAddons {cluster}", cancellationToken).ConfigureAwait(false);
        var addons = new List<EksAddon>();
        foreach (var name in names)
        {
            using var json = await GetAsync($"/clusters/{Segment(cluster)}/addons/{Segment(name)}", $"DescribeAddon {cluster}/{name}", allowNotFound: false, cancellationToken).ConfigureAwait(false);
            var body = json!.RootElement.GetProperty("addon");
            addons.Add(new EksAddon(Text(body, "addonName"), Text(body, "addonVersion")));
        }

        return addons;
    }

    public async Task<IReadOnlyList<PodIdentityAssociation>> PodIdentityAssociationsAsync(string cluster, CancellationToken cancellationToken)
    {
        var ids = await ListAsync($"/clusters/{Segment(cluster)}/pod-identity-associations", "associations", $"ListPodIdentityAssociations {cluster}", cancellationToken, e => Text(e, "associationId")).ConfigureAwait(false);
        var associations = new List<PodIdentityAssociation>();
        foreach (var id in ids)
        {
            using var json = await GetAsync($"/clusters/{Segment(cluster)}/pod-identity-associations/{Segment(id)}", $"DescribePodIdentityAssociation {cluster}/{id}", allowNotFound: false, cancellationToken).ConfigureAwait(false);
            var body = json!.RootElement.GetProperty("association");
            associations.Add(new PodIdentityAssociation(Text(body, "namespace"), Text(body, "serviceAccount"), Text(body, "roleArn")));
        }

        return associations;
    }

    private async Task<List<string>> ListAsync(string path, string property, string operation, CancellationToken cancellationToken, Func<JsonElement, string>? select = null)
    {
        var items = new List<string>();
        string? token = null;
        do
        {
            var query = "?maxResults=100" + (token is null ? string.Empty : "&nextToken=" + Uri.EscapeDataString(token));
            using var json = await GetAsync(path + query, operation, allowNotFound: false, cancellationToken).ConfigureAwait(false);
            var root = json!.RootElement;
            items.AddRange(root.GetProperty(property).EnumerateArray().Select(e => select is null ? e.GetString()! : select(e)));
            var next = root.TryGetProperty("nextToken", out var n) && n.ValueKind == JsonValueKind.String ? n.GetString() : null;

            // A token that comes back unchanged would page forever.
            token = next is not null && next == token ? throw new EksException($"{operation} at {_endpoint.Url} answered the same nextToken twice, so paging would never end; check AWS_ENDPOINT_URL_EKS.") : next;
        }
        while (token is not null);
        return items;
    }

    private async Task<JsonDocument?> GetAsync(string pathAndQuery, string operation, bool allowNotFound, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async ct => await GetOnceAsync(pathAndQuery, operation, allowNotFound, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (HttpRequestException e)
        {
            throw new EksException($"{operation} could not reach {_endpoint.Url}: {e.Message} Check the network and the endpoint (AWS_ENDPOINT_URL_EKS).", e);
        }
    }

    private async Task<JsonDocument?> GetOnceAsync(string pathAndQuery, string operation, bool allowNotFound, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, new Uri(_endpoint.Url, _endpoint.Url.AbsolutePath.TrimEnd('/') + pathAndQuery));
        await _signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        using var response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        if (response.IsSuccessStatusCode)
        {
            try
            {
                return JsonDocument.Parse(text);
            }
            catch (JsonException e)
            {
                throw new EksException($"{operation} at {_endpoint.Url} answered {(int)response.StatusCode} with a body that is not JSON; check AWS_ENDPOINT_URL_EKS.", e);
            }
        }

        var code = ErrorCode(response, text);
        if (allowNotFound && code == "ResourceNotFoundException")
        {
            return null;
        }

        throw Error(operation, (int)response.StatusCode, code, ErrorMessage(text));
    }

    private static EksException Error(string operation, int status, string code, string said)
    {
        var message = code switch
        {
            "AccessDeniedException" => $"EKS denied {operation}: {said} Grant the caller eks:DescribeCluster, eks:ListNodegroups, eks:DescribeNodegroup, eks:ListAddons, eks:DescribeAddon, eks:ListPodIdentityAssociations and eks:DescribePodIdentityAssociation (docs/aws-mode.md).",
            "UnrecognizedClientException" or "InvalidSignatureException" or "ExpiredTokenException" => $"EKS did not accept the credentials for {operation} ({code}): {said} Refresh them and run again.",
            "ResourceNotFoundException" => $"EKS has no such resource ({operation}): {said}",
            _ when status == (int)HttpStatusCode.NotFound => $"{operation} answered 404 without an EKS error; the endpoint may not implement it. Check AWS_ENDPOINT_URL_EKS.",
            _ => $"EKS answered {operation} with {status} {code}: {said}",
        };
        return new EksException(code, status, message);
    }

    // EKS names the error in x-amzn-ErrorType ("ResourceNotFoundException:http://..."), some answers also in the body.
    private static string ErrorCode(HttpResponseMessage response, string body)
    {
        if (response.Headers.TryGetValues("x-amzn-ErrorType", out var values) && values.FirstOrDefault() is { Length: > 0 } header)
        {
            return header.Split(':')[0];
        }

        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("__type", out var type) ? type.GetString()!.Split('#')[^1] : string.Empty;
        }
        catch (JsonException)
        {
            return string.Empty;
        }
    }

    private static string ErrorMessage(string body)
    {
        try
        {
            using var json = JsonDocument.Parse(body);
            return json.RootElement.TryGetProperty("message", out var m) ? m.GetString() ?? string.Empty : body;
        }
        catch (JsonException)
        {
            return body.Length > 200 ? body[..200] : body;
        }
    }

    private static string Text(JsonElement element, string property) =>
        element.TryGetProperty(property, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString()! : throw new EksException($"EKS answered without '{property}'.");

    private static string Segment(string value) => Uri.EscapeDataString(value);
}
