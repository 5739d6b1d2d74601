using System.Globalization;
using System.Text.Json;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.Metrics;

/// <summary>One colour's request metrics from Prometheus's HTTP API (instant queries at the end of the window).</summary>
public sealed class PrometheusMetricSource : IMetricSource
{
    private readonly HttpClient _http;
    private readonly PrometheusOptions _options;

    public PrometheusMetricSource(HttpClient http, PrometheusOptions options)
    {
        ArgumentNullException.ThrowIfNull(http);
        ArgumentNullException.ThrowIfNull(options);
        _http = http;
        _options = options;
    }

    public async Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken)
    {
        var window = string.Create(CultureInfo.InvariantCulture, $"{Math.Max(1, (long)Math.Round((end - start).TotalSeconds))}s");
        var requests = await QueryAsync(_options.RequestsQuery, colour, window, end, cancellationToken).ConfigureAwait(false);
        if (requests is null or <= 0)
        {
            return IntervalMetrics.Empty;
        }

        var failures = await QueryAsync(_options.FailuresQuery, colour, window, end, cancellationToken).ConfigureAwait(false) ?? 0;
        var p99 = await QueryAsync(_options.P99Query, colour, window, end, cancellationToken).ConfigureAwait(false);

        // increase() extrapolates, so counts come back fractional; round to whole requests.
        return new IntervalMetrics(
            (long)Math.Round(requests.Value),
            (long)Math.Round(failures),
            p99 is null ? null : TimeSpan.FromSeconds(p99.Value));
    }

    /// <summary>The single value of an instant query; null when the result is empty or NaN.</summary>
    public async Task<double?> QueryAsync(string template, string colour, string window, DateTimeOffset at, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(template);
        var query = template.Replace("{colour}", colour, StringComparison.Ordinal).Replace("{window}", window, StringComparison.Ordinal);
        var url = new Uri(_options.Url, string.Create(CultureInfo.InvariantCulture, $"api/v1/query?query={Uri.EscapeDataString(query)}&time={at.ToUnixTimeMilliseconds() / 1000.0:0.###}"));
        using var response = await _http.GetAsync(url, cancellationToken).ConfigureAwait(false);
        var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(body);
        }
        catch (JsonException e)
        {
            throw new InvalidOperationException($"Prometheus at {_options.Url} answered {(int)response.StatusCode} with something that is not its JSON API; check the URL.", e);
        }

        using (document)
        {
            return Read(document.RootElement, query);
        }
    }

    private static double? Read(JsonElement root, string query)
    {
        if (root.GetProperty("status").GetString() != "success")
        {
            var error = root.TryGetProperty("error", out var e) ? e.GetString() : "no error given";
            throw new InvalidOperationException($"Prometheus rejected the query `{query}`: {error}. Fix the query in the configuration.");
        }

        var data = root.GetProperty("data");
        var type = data.GetProperty("resultType").GetString();
        var value = type switch
        {
            "vector" => data.GetProperty("result").EnumerateArray().Select(r => r.GetProperty("value")[1].GetString()).ToList(),
            "scalar" => [data.GetProperty("result")[1].GetString()],
            _ => throw new InvalidOperationException($"The query `{query}` gives a {type}; it must give one number (wrap it in sum(...))."),
        };

        if (value.Count > 1)
        {
            throw new InvalidOperationException($"The query `{query}` gives {value.Count} series; it must give one number (wrap it in sum(...)).");
        }

        if (value.Count == 0 || !double.TryParse(value[0], NumberStyles.Float, CultureInfo.InvariantCulture, out var number) || double.IsNaN(number))
        {
            return null;
        }

        return number;
    }
}
