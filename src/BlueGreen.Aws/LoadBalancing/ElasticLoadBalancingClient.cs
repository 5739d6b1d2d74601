using System.Globalization;
using System.Xml.Linq;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Route53;

namespace BlueGreen.Aws.LoadBalancing;

/// <summary>The reads of Elastic Load Balancing v2 (2015-12-01) the engine needs, over the Query API.</summary>
public sealed class ElasticLoadBalancingClient
{
    /// <summary>DescribeLoadBalancers and DescribeTags take at most 20 names or ARNs per call.</summary>
    public const int MaxPerCall = 20;

    private readonly AwsQueryClient _query;
    private readonly int _pageSize;

    /// <param name="query">A Query client of <see cref="AwsQueryService.ElasticLoadBalancingV2"/>.</param>
    /// <param name="pageSize">Load balancers per DescribeLoadBalancers page (PageSize, 1 to 400).</param>
    public ElasticLoadBalancingClient(AwsQueryClient query, int pageSize = 400)
    {
        ArgumentNullException.ThrowIfNull(query);
        ArgumentOutOfRangeException.ThrowIfLessThan(pageSize, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(pageSize, 400);
        _query = query;
        _pageSize = pageSize;
    }

    /// <summary>The load balancers of these names; LoadBalancerNotFound when any is missing.</summary>
    public Task<IReadOnlyList<LoadBalancer>> DescribeByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken) =>
        DescribeAsync(Members("Names", names), cancellationToken);

    /// <summary>The load balancers of these ARNs; LoadBalancerNotFound when any is missing.</summary>
    public Task<IReadOnlyList<LoadBalancer>> DescribeByArnsAsync(IReadOnlyCollection<string> arns, CancellationToken cancellationToken) =>
        DescribeAsync(Members("LoadBalancerArns", arns), cancellationToken);

    /// <summary>Every load balancer of the region, page by page.</summary>
    public Task<IReadOnlyList<LoadBalancer>> DescribeAllAsync(CancellationToken cancellationToken) => DescribeAsync([], cancellationToken);

    /// <summary>
    /// The load balancer whose DNS name is <paramref name="dnsName"/> (as an Ingress reports it; case, a final dot and the
    /// dualstack. prefix are ignored), or null. DescribeLoadBalancers has no filter by DNS name, so this lists the region's.
    /// </summary>
    public async Task<LoadBalancer?> FindByDnsNameAsync(string dnsName, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(dnsName);
        var wanted = WithoutDualstack(DnsNames.Normalize(dnsName));
        var all = await DescribeAllAsync(cancellationToken).ConfigureAwait(false);
        return all.FirstOrDefault(lb => WithoutDualstack(DnsNames.Normalize(lb.DnsName)) == wanted);
    }

    /// <summary>The tags of each resource, by ARN.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsAsync(IReadOnlyCollection<string> resourceArns, CancellationToken cancellationToken)
    {
        var result = await _query.SendAsync("DescribeTags", Members("ResourceArns", resourceArns), cancellationToken).ConfigureAwait(false);
        var ns = result.Name.Namespace;
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var description in MembersOf(result, "TagDescriptions"))
        {
            var arn = Required(description, "ResourceArn", "DescribeTags");
            tags[arn] = MembersOf(description, "Tags").ToDictionary(t => Required(t, "Key", "DescribeTags"), t => t.Element(ns + "Value")?.Value ?? string.Empty, StringComparer.Ordinal);
        }

        return tags;
    }

    /// <summary>Every target group of the region, page by page (DescribeTargetGroups).</summary>
    public Task<IReadOnlyList<TargetGroup>> DescribeAllTargetGroupsAsync(CancellationToken cancellationToken) =>
        PagesAsync(
            "DescribeTargetGroups",
            [],
            result => MembersOf(result, "TargetGroups").Select(m => new TargetGroup(Required(m, "TargetGroupArn", "DescribeTargetGroups"), Required(m, "TargetGroupName", "DescribeTargetGroups"))),
            cancellationToken);

    /// <summary>The tags of any number of resources, <see cref="MaxPerCall"/> ARNs per DescribeTags call.</summary>
    public async Task<IReadOnlyDictionary<string, IReadOnlyDictionary<string, string>>> DescribeTagsOfAllAsync(IReadOnlyList<string> resourceArns, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(resourceArns);
        var tags = new Dictionary<string, IReadOnlyDictionary<string, string>>(StringComparer.Ordinal);
        foreach (var chunk in resourceArns.Chunk(MaxPerCall))
        {
            foreach (var (arn, value) in await DescribeTagsAsync(chunk, cancellationToken).ConfigureAwait(false))
            {
                tags[arn] = value;
            }
        }

        return tags;
    }

    private Task<IReadOnlyList<LoadBalancer>> DescribeAsync(IReadOnlyList<KeyValuePair<string, string>> selection, CancellationToken cancellationToken) =>
        PagesAsync("DescribeLoadBalancers", selection, result => MembersOf(result, "LoadBalancers").Select(Parse), cancellationToken);

    // Both Describe actions page with PageSize and NextMarker.
    private async Task<IReadOnlyList<T>> PagesAsync<T>(string action, IReadOnlyList<KeyValuePair<string, string>> selection, Func<XElement, IEnumerable<T>> read, CancellationToken cancellationToken)
    {
        var found = new List<T>();
        var seenMarkers = new HashSet<string>(StringComparer.Ordinal);
        string? marker = null;
        do
        {
            var parameters = new List<KeyValuePair<string, string>>(selection) { new("PageSize", _pageSize.ToString(CultureInfo.InvariantCulture)) };
            if (marker is not null)
            {
                parameters.Add(new("Marker", marker));
            }

            var result = await _query.SendAsync(action, parameters, cancellationToken).ConfigureAwait(false);
            found.AddRange(read(result));
            marker = result.Element(result.Name.Namespace + "NextMarker")?.Value is { Length: > 0 } next ? next : null;

            // A marker seen before would hand back the same pages forever.
            if (marker is not null && !seenMarkers.Add(marker))
            {
                throw new AwsQueryException($"Elastic Load Balancing answered {action} with the NextMarker '{marker}' a second time, so paging would never end; check that the endpoint is Elastic Load Balancing (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2).");
            }
        }
        while (marker is not null);

        return found;
    }

    private static LoadBalancer Parse(XElement member)
    {
        var ns = member.Name.Namespace;
        const string action = "DescribeLoadBalancers";
        return new LoadBalancer(
            Required(member, "LoadBalancerArn", action),
            Required(member, "LoadBalancerName", action),
            Required(member, "DNSName", action),
            member.Element(ns + "CanonicalHostedZoneId")?.Value ?? string.Empty,
            member.Element(ns + "Type")?.Value ?? "application",
            member.Element(ns + "State")?.Element(ns + "Code")?.Value ?? string.Empty);
    }

    private static List<KeyValuePair<string, string>> Members(string name, IReadOnlyCollection<string> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        if (values.Count is 0 or > MaxPerCall)
        {
            throw new ArgumentException($"{name} takes 1 to {MaxPerCall} values per call, not {values.Count}.", nameof(values));
        }

        return [.. values.Select((v, i) => new KeyValuePair<string, string>($"{name}.member.{i + 1}", v))];
    }

    private static IEnumerable<XElement> MembersOf(XElement parent, string list) =>
        parent.Element(parent.Name.Namespace + list)?.Elements(parent.Name.Namespace + "member") ?? [];

    private static string Required(XElement parent, string name, string action) =>
        parent.Element(parent.Name.Namespace + name)?.Value is { Length: > 0 } value
            ? value
            : throw new AwsQueryException($"Elastic Load Balancing answered {action} with a <{parent.Name.LocalName}> that has no <{name}>; check that the endpoint is Elastic Load Balancing (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2).");

    private static string WithoutDualstack(string name) => name.StartsWith("dualstack.", StringComparison.Ordinal) ? name["dualstack.".Length..] : name;
}
