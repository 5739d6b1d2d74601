namespace BlueGreen.Aws.Endpoints;

/// <summary>
/// Resolves service endpoints as every AWS SDK does: AWS_ENDPOINT_URL_&lt;SERVICE&gt;, then AWS_ENDPOINT_URL,
/// unless AWS_IGNORE_CONFIGURED_ENDPOINT_URLS is true; otherwise the partition's public endpoint.
/// </summary>
public static class AwsEndpoints
{
    /// <summary>Route53's endpoint. Route53 is global: one endpoint and one signing region per partition.</summary>
    public static ServiceEndpoint Route53(string region, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(environment);
        var (url, signingRegion) = region switch
        {
            _ when region.StartsWith("cn-", StringComparison.Ordinal) => ("https://route53.amazonaws.com.cn", "cn-northwest-1"),
            _ when region.StartsWith("us-gov-", StringComparison.Ordinal) => ("https://route53.us-gov.amazonaws.com", "us-gov-west-1"),
            _ => ("https://route53.amazonaws.com", "us-east-1"),
        };

        var configured = Configured("ROUTE_53", environment);
        return configured is null
            ? new ServiceEndpoint(new Uri(url), signingRegion, false)
            : new ServiceEndpoint(configured, signingRegion, true);
    }

    /// <summary>
    /// A regional service's endpoint, <c>https://&lt;prefix&gt;.&lt;region&gt;.amazonaws.com</c> (<c>.amazonaws.com.cn</c> in China),
    /// unless an AWS_ENDPOINT_URL variable names another; signed for <paramref name="region"/> either way.
    /// </summary>
    public static ServiceEndpoint Regional(string endpointPrefix, string serviceEnvironmentId, string region, Func<string, string?> environment)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(endpointPrefix);
        ArgumentException.ThrowIfNullOrWhiteSpace(region);
        ArgumentNullException.ThrowIfNull(environment);
        var suffix = region.StartsWith("cn-", StringComparison.Ordinal) ? "amazonaws.com.cn" : "amazonaws.com";
        var configured = Configured(serviceEnvironmentId, environment);
        return configured is null
            ? new ServiceEndpoint(new Uri($"https://{endpointPrefix}.{region}.{suffix}"), region, false)
            : new ServiceEndpoint(configured, region, true);
    }

    /// <summary>
    /// An environment in which every AWS API is at <paramref name="endpoint"/>, as <c>aws --endpoint-url</c> does for one
    /// command: AWS_ENDPOINT_URL is that endpoint, and no per-service variable or AWS_IGNORE_CONFIGURED_ENDPOINT_URLS applies.
    /// </summary>
    public static Func<string, string?> AllAt(Uri endpoint, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(environment);
        return name => name switch
        {
            "AWS_ENDPOINT_URL" => endpoint.ToString().TrimEnd('/'),
            "AWS_IGNORE_CONFIGURED_ENDPOINT_URLS" => null,
            _ when name.StartsWith("AWS_ENDPOINT_URL_", StringComparison.Ordinal) => null,
            _ => environment(name),
        };
    }

    /// <summary>The URL an AWS_ENDPOINT_URL variable sets for a service (its id upper-cased, spaces as underscores), or null.</summary>
    public static Uri? Configured(string serviceEnvironmentId, Func<string, string?> environment)
    {
        ArgumentNullException.ThrowIfNull(environment);
        if (string.Equals(environment("AWS_IGNORE_CONFIGURED_ENDPOINT_URLS")?.Trim(), "true", StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        foreach (var variable in new[] { $"AWS_ENDPOINT_URL_{serviceEnvironmentId}", "AWS_ENDPOINT_URL" })
        {
            var value = environment(variable)?.Trim();
            if (string.IsNullOrEmpty(value))
            {
                continue;
            }

            if (!Uri.TryCreate(value, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps))
            {
                throw new ArgumentException($"The environment variable {variable} is '{value}', which is not an http or https URL; set it to e.g. http://127.0.0.1:4566 or unset it.");
            }

            return uri;
        }

        return null;
    }
}
