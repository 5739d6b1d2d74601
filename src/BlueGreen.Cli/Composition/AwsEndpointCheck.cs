using BlueGreen.Cli.Infrastructure;

namespace BlueGreen.Cli.Composition;

/// <summary>An AWS-compatible endpoint given on the command line: an http(s) URL of a server that answers.</summary>
public static class AwsEndpointCheck
{
    /// <summary>The URL of <paramref name="value"/>; exit 2 with a sentence when it is not http or https.</summary>
    public static Uri Parse(string value, string option)
    {
        if (!Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttp && uri.Scheme != Uri.UriSchemeHttps) || string.IsNullOrEmpty(uri.Host))
        {
            throw new UserInputException($"{option} '{value}' is not an http or https URL; give the endpoint of an AWS-compatible server, e.g. http://127.0.0.1:5000 for `moto_server -p 5000`.");
        }

        return uri;
    }

    /// <summary>Fails with exit 2 and what to do when nothing answers HTTP at <paramref name="endpoint"/>.</summary>
    public static async Task RequireAnsweringAsync(Uri endpoint, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        // An endpoint on this machine is asked directly, never through an HTTP proxy of the environment.
        using var handler = new HttpClientHandler { UseProxy = !endpoint.IsLoopback };
        using var http = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(10) };
        try
        {
            // Any HTTP answer will do: an AWS endpoint answers an unsigned request with an error document.
            using var response = await http.GetAsync(endpoint, HttpCompletionOption.ResponseHeadersRead, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception e) when (e is HttpRequestException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            throw new UserInputException($"Nothing answers at {endpoint} ({e.Message}). Start an AWS-compatible server there (e.g. `moto_server -H 127.0.0.1 -p {(endpoint.IsDefaultPort ? 5000 : endpoint.Port)}`), or let bluegreen start one with `--aws-endpoint auto`; nothing was changed.", e);
        }
    }
}
