using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Endpoints;
using BlueGreen.Aws.Signing;
using Polly;

namespace BlueGreen.Aws.Route53;

/// <summary>Route53's REST API (2013-04-01) over HttpClient, signed with SigV4, transient errors retried with jittered backoff.</summary>
public sealed partial class Route53RestClient : IRoute53Api
{
    private const string ApiVersion = "2013-04-01";

    private readonly HttpClient _http;
    private readonly ServiceEndpoint _endpoint;
    private readonly SigV4RequestSigner _signer;
    private readonly ResiliencePipeline _retry;
    private readonly int _maxRetries;
    private readonly int _pageSize;

    public Route53RestClient(HttpClient http, ServiceEndpoint endpoint, SigV4RequestSigner signer, TimeProvider time, Route53ClientOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(signer);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _endpoint = endpoint;
        _signer = signer;
        _maxRetries = options.MaxRetries;
        _pageSize = options.PageSize;

        // Every operation here is safe to repeat: an UPSERT of the same records, or a read.
        _retry = AwsRetryPipeline.Build(options.Retry, time, e => e is Route53Exception { IsTransient: true });
    }

    public async Task<ChangeInfo> UpsertAsync(string hostedZoneId, IReadOnlyCollection<WeightedRecord> records, string comment, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(records);
        if (records.Count == 0)
        {
            throw new ArgumentException("A change batch needs at least one record.", nameof(records));
        }

        var zone = ZoneId(hostedZoneId);
        var body = Route53Xml.BuildUpsertBatch(records, comment);
        var xml = await SendAsync(HttpMethod.Post, $"/{ApiVersion}/hostedzone/{zone}/rrset/", body, $"ChangeResourceRecordSets on hosted zone {zone}", cancellationToken).ConfigureAwait(false);
        return Route53Xml.ParseChangeInfo(xml, "ChangeResourceRecordSetsResponse");
    }

    public async Task<ChangeInfo> GetChangeAsync(string changeId, CancellationToken cancellationToken)
    {
        var id = ValidId(changeId, "/change/", "change id");
        var xml = await SendAsync(HttpMethod.Get, $"/{ApiVersion}/change/{id}", null, $"GetChange {id}", cancellationToken).ConfigureAwait(false);
        return Route53Xml.ParseChangeInfo(xml, "GetChangeResponse");
    }

    public async Task<IReadOnlyList<WeightedRecord>> ListWeightedRecordsAsync(string hostedZoneId, string name, string type, CancellationToken cancellationToken)
    {
        var zone = ZoneId(hostedZoneId);
        var wanted = DnsNames.Normalize(name);
        var found = new List<WeightedRecord>();
        string? nextName = DnsNames.Qualified(name);
        string? nextType = type;
        string? nextIdentifier = null;
        while (nextName is not null)
        {
            var query = $"name={Uri.EscapeDataString(nextName)}&type={Uri.EscapeDataString(nextType ?? type)}"
                + (nextIdentifier is null ? string.Empty : $"&identifier={Uri.EscapeDataString(nextIdentifier)}")
                + $"&maxitems={_pageSize}";
            var xml = await SendAsync(HttpMethod.Get, $"/{ApiVersion}/hostedzone/{zone}/rrset?{query}", null, $"ListResourceRecordSets on hosted zone {zone}", cancellationToken).ConfigureAwait(false);
            var page = Route53Xml.ParseRecordSetPage(xml);
            found.AddRange(page.Records.Where(r => DnsNames.Normalize(r.Name) == wanted && r.Type == type));

            // Records are sorted by name then type; once a page moves past ours, the rest are not ours.
            var stillOurs = page.NextRecordName is not null && DnsNames.Normalize(page.NextRecordName) == wanted && page.NextRecordType == type;

            // An endpoint that pages without NextRecordIdentifier (moto does) would hand back this same page forever.
            if (stillOurs && DnsNames.Normalize(page.NextRecordName!) == DnsNames.Normalize(nextName) && page.NextRecordIdentifier == nextIdentifier)
            {
                var start = $"{DnsNames.Qualified(name)} {type}{(nextIdentifier is null ? string.Empty : " " + nextIdentifier)}";
                throw new Route53Exception($"ListResourceRecordSets on hosted zone {zone} answered a truncated page whose next page starts where this one did ({start}), so paging would never end. Route53 names the next weighted record with NextRecordIdentifier; check that the endpoint {_endpoint.Url} is Route53 (AWS_ENDPOINT_URL_ROUTE_53).");
            }

            (nextName, nextType, nextIdentifier) = stillOurs ? (page.NextRecordName, page.NextRecordType, page.NextRecordIdentifier) : (null, null, null);
        }

        return found;
    }

    public async Task<IReadOnlyList<RecordSet>> ListRecordSetsAsync(string hostedZoneId, CancellationToken cancellationToken)
    {
        var zone = ZoneId(hostedZoneId);
        var found = new List<RecordSet>();
        (string Name, string? Type, string? Identifier)? next = null;
        while (true)
        {
            var query = next is not { } start
                ? $"maxitems={_pageSize}"
                : $"name={Uri.EscapeDataString(start.Name)}" + (start.Type is null ? string.Empty : $"&type={Uri.EscapeDataString(start.Type)}")
                    + (start.Identifier is null ? string.Empty : $"&identifier={Uri.EscapeDataString(start.Identifier)}") + $"&maxitems={_pageSize}";
            var xml = await SendAsync(HttpMethod.Get, $"/{ApiVersion}/hostedzone/{zone}/rrset?{query}", null, $"ListResourceRecordSets on hosted zone {zone}", cancellationToken).ConfigureAwait(false);
            var (sets, name, type, identifier) = Route53Xml.ParseAllRecordSets(xml);

            // A page that starts where the last one did would repeat forever (an endpoint that ignores the identifier).
            found.AddRange(sets.Where(s => !found.Exists(f => f.ToString() == s.ToString())));
            if (name is null || (next is { } previous && previous == (name, type, identifier)))
            {
                return found;
            }

            next = (name, type, identifier);
        }
    }

    public async Task<string?> FindPublicZoneIdAsync(string zoneName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneName);
        var query = $"dnsname={Uri.EscapeDataString(DnsNames.Qualified(zoneName))}&maxitems=10";
        var xml = await SendAsync(HttpMethod.Get, $"/{ApiVersion}/hostedzonesbyname?{query}", null, $"ListHostedZonesByName {zoneName}", cancellationToken).ConfigureAwait(false);
        return Route53Xml.ParseHostedZoneId(xml, zoneName);
    }

    /// <summary>CreateHostedZone of a public zone (what the common stack does); returns its id.</summary>
    /// <remarks>Not part of <see cref="IRoute53Api"/>: the router never creates zones; the rehearsal sets one up as a real account has it.</remarks>
    public async Task<string> CreatePublicZoneAsync(string zoneName, string callerReference, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(zoneName);
        ArgumentException.ThrowIfNullOrWhiteSpace(callerReference);
        var body = Route53Xml.BuildCreateHostedZone(zoneName, callerReference, "bluegreen");
        var xml = await SendAsync(HttpMethod.Post, $"/{ApiVersion}/hostedzone", body, $"CreateHostedZone {zoneName}", cancellationToken).ConfigureAwait(false);
        return Route53Xml.ParseCreatedZoneId(xml);
    }

    private async Task<string> SendAsync(HttpMethod method, string pathAndQuery, string? body, string operation, CancellationToken cancellationToken)
    {
        try
        {
            return await _retry.ExecuteAsync(async ct => await SendOnceAsync(method, pathAndQuery, body, operation, ct).ConfigureAwait(false), cancellationToken).ConfigureAwait(false);
        }
        catch (Route53Exception e) when (e.IsTransient)
        {
            throw new Route53Exception(e.Code, e.StatusCode, e.Details, Core.Text.Sentences.Join(e.Message, $"It was retried {_maxRetries} times with backoff; wait and run the command again (it is safe to repeat)."));
        }
        catch (Exception e) when (e is HttpRequestException or TimeoutException)
        {
            throw new Route53Exception(Core.Text.Sentences.Join($"{operation} could not reach {_endpoint.Url} after {_maxRetries} retries: {e.Message}", "Check the network and the endpoint (AWS_ENDPOINT_URL_ROUTE_53)."), e);
        }
    }

    private async Task<string> SendOnceAsync(HttpMethod method, string pathAndQuery, string? body, string operation, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(_endpoint.Url, _endpoint.Url.AbsolutePath.TrimEnd('/') + pathAndQuery));
        if (body is not null)
        {
            request.Content = new StringContent(body, Encoding.UTF8, "text/xml");
        }

        // Signed per attempt: a retry gets a fresh X-Amz-Date.
        await _signer.SignAsync(request, cancellationToken).ConfigureAwait(false);
        HttpResponseMessage response;
        try
        {
            response = await _http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (TaskCanceledException e) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"{operation} timed out.", e);
        }

        using (response)
        {
            var text = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            if (response.IsSuccessStatusCode)
            {
                return text;
            }

            throw Error(operation, (int)response.StatusCode, text);
        }
    }

    private static Route53Exception Error(string operation, int status, string body)
    {
        var (code, details) = Route53Xml.ParseError(body);
        var said = details.Count == 0 ? string.Empty : " Route53 said: " + string.Join(" | ", details);
        var message = code switch
        {
            "InvalidChangeBatch" => $"Route53 rejected the whole change batch ({operation}); nothing was changed.{said}",
            "AccessDenied" or "AccessDeniedException" => $"Route53 denied {operation}.{said} Grant the caller route53:ChangeResourceRecordSets, route53:ListResourceRecordSets and route53:GetChange on the service zone (docs/aws-mode.md, IAM).",
            "SignatureDoesNotMatch" or "InvalidClientTokenId" or "ExpiredToken" or "IncompleteSignature" or "MissingAuthenticationToken" =>
                $"Route53 did not accept the credentials for {operation} ({code}).{said} Refresh them (e.g. aws sso login, or export fresh AWS_* variables) and run again.",
            "NoSuchHostedZone" => $"Route53 has no such hosted zone ({operation}).{said} Check dns.zoneId, or leave it out so the zone is found by name.",
            "NoSuchChange" => $"Route53 has no such change ({operation}).{said}",
            _ when status == (int)HttpStatusCode.Forbidden => $"Route53 refused {operation} with 403 {code}.{said} Check the caller's IAM permissions.",
            _ => $"Route53 answered {operation} with {status} {code}.{said}",
        };
        return new Route53Exception(code, status, details, message);
    }

    private static string ZoneId(string hostedZoneId) => ValidId(hostedZoneId, "/hostedzone/", "hosted zone id");

    private static string ValidId(string value, string prefix, string what)
    {
        ArgumentNullException.ThrowIfNull(value);
        var id = value.StartsWith(prefix, StringComparison.Ordinal) ? value[prefix.Length..] : value;

        // Route53 ids are upper-case letters and digits; anything else would change the signed path.
        if (!IdPattern().IsMatch(id))
        {
            throw new ArgumentException($"'{value}' is not a Route53 {what}: expected upper-case letters and digits, e.g. Z0123456789ABCDEFGHIJ.");
        }

        return id;
    }

    [GeneratedRegex("^[A-Z0-9]{1,32}$")]
    private static partial Regex IdPattern();
}
