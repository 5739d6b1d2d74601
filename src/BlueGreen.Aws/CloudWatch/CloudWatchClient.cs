using System.Globalization;
using System.Xml.Linq;
using BlueGreen.Aws.Clients;

namespace BlueGreen.Aws.CloudWatch;

/// <summary>The reads of CloudWatch (2010-08-01) the gates need, over the Query API: GetMetricData and DescribeAlarms.</summary>
public sealed class CloudWatchClient
{
    /// <summary>DescribeAlarms takes at most 100 alarm names per call.</summary>
    public const int MaxAlarmNamesPerCall = 100;

    private readonly AwsQueryClient _query;

    /// <param name="query">A Query client of <see cref="AwsQueryService.CloudWatch"/>.</param>
    public CloudWatchClient(AwsQueryClient query)
    {
        ArgumentNullException.ThrowIfNull(query);
        _query = query;
    }

    /// <summary>The datapoints of each query in [<paramref name="start"/>, <paramref name="end"/>), following NextToken.</summary>
    public async Task<IReadOnlyDictionary<string, MetricSeries>> GetMetricDataAsync(IReadOnlyList<MetricQuery> queries, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Count is 0 or > 500)
        {
            throw new ArgumentException($"GetMetricData takes 1 to 500 queries, not {queries.Count}.", nameof(queries));
        }

        var parameters = new List<KeyValuePair<string, string>>
        {
            new("StartTime", Timestamp(start)),
            new("EndTime", Timestamp(end)),
            new("ScanBy", "TimestampAscending"),
        };
        for (var i = 0; i < queries.Count; i++)
        {
            parameters.AddRange(QueryParameters($"MetricDataQueries.member.{i + 1}", queries[i]));
        }

        var points = queries.ToDictionary(q => q.Id, _ => new SortedDictionary<DateTimeOffset, double>(), StringComparer.Ordinal);
        var complete = queries.ToDictionary(q => q.Id, _ => true, StringComparer.Ordinal);
        string? token = null;
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            var page = token is null ? parameters : [.. parameters, new("NextToken", token)];
            var result = await _query.SendAsync("GetMetricData", page, cancellationToken).ConfigureAwait(false);
            var ns = result.Name.Namespace;
            foreach (var member in Members(result, "MetricDataResults"))
            {
                var id = member.Element(ns + "Id")?.Value ?? string.Empty;
                if (!points.TryGetValue(id, out var series))
                {
                    throw Malformed($"a result for the query '{id}', which was not asked for");
                }

                var times = Members(member, "Timestamps").Select(t => DateTimeOffset.Parse(t.Value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal)).ToList();
                var values = Members(member, "Values").Select(v => double.Parse(v.Value, NumberStyles.Float, CultureInfo.InvariantCulture)).ToList();
                if (times.Count != values.Count)
                {
                    throw Malformed($"{times.Count} timestamps but {values.Count} values for the query '{id}'");
                }

                for (var i = 0; i < times.Count; i++)
                {
                    series[times[i]] = values[i];
                }

                // PartialData on the last page only means more pages follow; what counts is the last word.
                complete[id] = member.Element(ns + "StatusCode")?.Value is "Complete" or null;
            }

            token = result.Element(ns + "NextToken")?.Value is { Length: > 0 } next ? next : null;
            if (token is not null && !tokens.Add(token))
            {
                throw Malformed($"the NextToken '{token}' a second time, so paging would never end");
            }
        }
        while (token is not null);

        return queries.ToDictionary(q => q.Id, q => new MetricSeries(q.Id, points[q.Id], complete[q.Id]), StringComparer.Ordinal);
    }

    /// <summary>The metric and composite alarms of these exact names (absent ones are not listed).</summary>
    public Task<IReadOnlyList<AlarmState>> DescribeAlarmsByNamesAsync(IReadOnlyCollection<string> names, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(names);
        if (names.Count is 0 or > MaxAlarmNamesPerCall)
        {
            throw new ArgumentException($"AlarmNames takes 1 to {MaxAlarmNamesPerCall} names per call, not {names.Count}.", nameof(names));
        }

        return DescribeAlarmsAsync([.. names.Select((n, i) => new KeyValuePair<string, string>($"AlarmNames.member.{i + 1}", n))], cancellationToken);
    }

    /// <summary>The metric and composite alarms whose names start with <paramref name="prefix"/>.</summary>
    public Task<IReadOnlyList<AlarmState>> DescribeAlarmsByPrefixAsync(string prefix, CancellationToken cancellationToken)
    {
        ArgumentException.ThrowIfNullOrEmpty(prefix);
        return DescribeAlarmsAsync([new("AlarmNamePrefix", prefix)], cancellationToken);
    }

    private async Task<IReadOnlyList<AlarmState>> DescribeAlarmsAsync(IReadOnlyList<KeyValuePair<string, string>> selection, CancellationToken cancellationToken)
    {
        var found = new List<AlarmState>();
        string? token = null;
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        do
        {
            List<KeyValuePair<string, string>> parameters = [.. selection, new("AlarmTypes.member.1", "MetricAlarm"), new("AlarmTypes.member.2", "CompositeAlarm"), new("MaxRecords", "100")];
            if (token is not null)
            {
                parameters.Add(new("NextToken", token));
            }

            var result = await _query.SendAsync("DescribeAlarms", parameters, cancellationToken).ConfigureAwait(false);
            var ns = result.Name.Namespace;
            found.AddRange(Members(result, "MetricAlarms").Concat(Members(result, "CompositeAlarms")).Select(a => new AlarmState(
                a.Element(ns + "AlarmName")?.Value ?? throw Malformed("an alarm without <AlarmName>"),
                a.Element(ns + "StateValue")?.Value ?? throw Malformed("an alarm without <StateValue>"),
                a.Element(ns + "StateReason")?.Value ?? string.Empty,
                a.Element(ns + "StateUpdatedTimestamp")?.Value is { Length: > 0 } since ? DateTimeOffset.Parse(since, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal) : null)));
            token = result.Element(ns + "NextToken")?.Value is { Length: > 0 } next ? next : null;
            if (token is not null && !tokens.Add(token))
            {
                throw Malformed($"the NextToken '{token}' a second time, so paging would never end");
            }
        }
        while (token is not null);

        return found;
    }

    private static IEnumerable<KeyValuePair<string, string>> QueryParameters(string prefix, MetricQuery query)
    {
        yield return new($"{prefix}.Id", query.Id);
        yield return new($"{prefix}.MetricStat.Metric.Namespace", query.Namespace);
        yield return new($"{prefix}.MetricStat.Metric.MetricName", query.MetricName);
        var d = 1;
        foreach (var (name, value) in query.Dimensions)
        {
            yield return new($"{prefix}.MetricStat.Metric.Dimensions.member.{d}.Name", name);
            yield return new($"{prefix}.MetricStat.Metric.Dimensions.member.{d}.Value", value);
            d++;
        }

        yield return new($"{prefix}.MetricStat.Period", query.Period.ToString(CultureInfo.InvariantCulture));
        yield return new($"{prefix}.MetricStat.Stat", query.Stat);
        yield return new($"{prefix}.ReturnData", "true");
    }

    private static IEnumerable<XElement> Members(XElement parent, string list) =>
        parent.Element(parent.Name.Namespace + list)?.Elements(parent.Name.Namespace + "member") ?? [];

    private static string Timestamp(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture);

    private static AwsQueryException Malformed(string what) =>
        new($"CloudWatch answered with {what}; check that the endpoint is CloudWatch (AWS_ENDPOINT_URL_CLOUDWATCH).");
}
