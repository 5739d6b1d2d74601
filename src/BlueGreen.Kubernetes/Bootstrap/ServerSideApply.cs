using System.Net;
using System.Text;
using System.Text.Json;

namespace BlueGreen.Kubernetes.Bootstrap;

/// <summary>
/// Server-side apply of any object (PATCH application/apply-patch+yaml, field manager bluegreen unless told otherwise, force),
/// finding each kind's resource name and scope through API discovery, as kubectl does.
/// </summary>
public sealed class ServerSideApply(HttpClient http, Uri server)
{
    /// <summary>The field manager that owns what bluegreen applies.</summary>
    public const string FieldManager = "bluegreen";

    private readonly Dictionary<string, Dictionary<string, (string Plural, bool Namespaced)>> _discovery = new(StringComparer.Ordinal);

    /// <summary>Applies <paramref name="document"/> as <see cref="FieldManager"/>; namespaced objects without a namespace go to <paramref name="defaultNamespace"/>.</summary>
    public Task ApplyAsync(ManifestDocument document, string defaultNamespace, CancellationToken cancellationToken) =>
        ApplyAsync(document, defaultNamespace, FieldManager, cancellationToken);

    /// <summary>Applies <paramref name="document"/> as <paramref name="fieldManager"/>, which then owns exactly the fields the document sets.</summary>
    public async Task ApplyAsync(ManifestDocument document, string defaultNamespace, string fieldManager, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(document);
        var (plural, namespaced) = await ResourceOfAsync(document.ApiVersion, document.Kind, cancellationToken).ConfigureAwait(false);
        var prefix = document.ApiVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{document.ApiVersion}" : $"api/{document.ApiVersion}";
        var scope = namespaced ? $"/namespaces/{document.Namespace ?? defaultNamespace}" : string.Empty;
        var path = $"{prefix}{scope}/{plural}/{document.Name}?fieldManager={Uri.EscapeDataString(fieldManager)}&force=true";
        using var request = new HttpRequestMessage(HttpMethod.Patch, new Uri(server, path))
        {
            Content = new StringContent(document.Yaml, Encoding.UTF8, "application/apply-patch+yaml"),
        };
        using var response = await http.SendAsync(request, cancellationToken).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
            throw new InvalidOperationException($"Applying {document} was refused ({(int)response.StatusCode}): {StatusMessage(body)}");
        }
    }

    /// <summary>Forgets discovered resources, so kinds that a just-applied CRD defines are found.</summary>
    public void ForgetDiscovery() => _discovery.Clear();

    private async Task<(string Plural, bool Namespaced)> ResourceOfAsync(string apiVersion, string kind, CancellationToken cancellationToken)
    {
        if (!_discovery.TryGetValue(apiVersion, out var kinds))
        {
            var path = apiVersion.Contains('/', StringComparison.Ordinal) ? $"apis/{apiVersion}" : $"api/{apiVersion}";
            using var response = await http.GetAsync(new Uri(server, path), cancellationToken).ConfigureAwait(false);
            if (response.StatusCode == HttpStatusCode.NotFound)
            {
                throw new InvalidOperationException($"The cluster does not serve {apiVersion} (yet); if a CRD defines it, wait until the CRD is established.");
            }

            response.EnsureSuccessStatusCode();
            using var list = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false));
            kinds = list.RootElement.GetProperty("resources").EnumerateArray()
                .Where(r => !r.GetProperty("name").GetString()!.Contains('/', StringComparison.Ordinal))
                .GroupBy(r => r.GetProperty("kind").GetString()!, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => (g.First().GetProperty("name").GetString()!, g.First().GetProperty("namespaced").GetBoolean()), StringComparer.Ordinal);
            _discovery[apiVersion] = kinds;
        }

        return kinds.TryGetValue(kind, out var resource)
            ? resource
            : throw new InvalidOperationException($"The cluster serves no kind {kind} in {apiVersion}.");
    }

    private static string StatusMessage(string body)
    {
        try
        {
            using var status = JsonDocument.Parse(body);
            return status.RootElement.TryGetProperty("message", out var message) ? message.GetString() ?? body : body;
        }
        catch (JsonException)
        {
            return body;
        }
    }
}
