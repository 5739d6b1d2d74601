namespace BlueGreen.Aws.Endpoints;

/// <summary>Where to send a service's requests and which region signs them.</summary>
/// <param name="Url">Base URL of the service.</param>
/// <param name="SigningRegion">Region of the SigV4 credential scope.</param>
/// <param name="FromEnvironment">True when an AWS_ENDPOINT_URL variable chose <paramref name="Url"/>.</param>
public sealed record ServiceEndpoint(Uri Url, string SigningRegion, bool FromEnvironment);
