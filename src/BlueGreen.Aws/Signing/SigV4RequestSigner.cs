using Amazon;
using Amazon.Runtime;
using Amazon.Runtime.Signing;

namespace BlueGreen.Aws.Signing;

/// <summary>Signs an <see cref="HttpRequestMessage"/> with AWS Signature Version 4 through AWSSDK.Core's public signer.</summary>
public sealed class SigV4RequestSigner
{
    private readonly AWSCredentials _credentials;
    private readonly RegionEndpoint _region;
    private readonly string _service;
    private readonly TimeProvider _time;

    /// <param name="credentials">Who signs; resolved per request so refreshed session credentials are used.</param>
    /// <param name="signingRegion">Region of the credential scope, e.g. us-east-1 for Route53.</param>
    /// <param name="service">Service name of the credential scope, e.g. route53.</param>
    /// <param name="time">The clock whose time goes into X-Amz-Date.</param>
    public SigV4RequestSigner(AWSCredentials credentials, string signingRegion, string service, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(credentials);
        ArgumentException.ThrowIfNullOrWhiteSpace(signingRegion);
        ArgumentException.ThrowIfNullOrWhiteSpace(service);
        ArgumentNullException.ThrowIfNull(time);
        _credentials = credentials;
        _region = RegionEndpoint.GetBySystemName(signingRegion);
        _service = service;
        _time = time;
    }

    /// <summary>Adds X-Amz-Date, X-Amz-Content-SHA256, the session token (if any) and Authorization to <paramref name="request"/>.</summary>
    public async Task SignAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        var uri = request.RequestUri ?? throw new ArgumentException("The request has no URI.", nameof(request));
        var signingRequest = new AWSSigningRequest { HttpMethod = request.Method, RequestUri = uri };

        // Repeated headers are one header whose values are joined by commas, as HTTP defines
        // and as the canonical request requires.
        foreach (var (name, values) in request.Headers.NonValidated)
        {
            signingRequest.Headers[name] = string.Join(',', values);
        }

        if (request.Content is not null)
        {
            foreach (var (name, values) in request.Content.Headers.NonValidated)
            {
                signingRequest.Headers[name] = string.Join(',', values);
            }

            signingRequest.Content = await request.Content.ReadAsByteArrayAsync(cancellationToken).ConfigureAwait(false);
        }

        var parameters = new AWSSigV4Parameters
        {
            Credentials = _credentials,
            Region = _region,
            Service = _service,
            // Every service but S3 needs the payload hash in the signature; UNSIGNED-PAYLOAD is an S3 feature.
            SignPayload = true,
            SignedAt = _time.GetUtcNow().UtcDateTime,
        };

        var result = await AWSSigV4Signer.SignAsync(signingRequest, parameters, cancellationToken).ConfigureAwait(false);
        foreach (var (name, value) in result.Headers)
        {
            request.Headers.Remove(name);
            request.Headers.TryAddWithoutValidation(name, value);
        }
    }
}
