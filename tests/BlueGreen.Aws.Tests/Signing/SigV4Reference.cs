using System.Security.Cryptography;
using System.Text;

namespace BlueGreen.Aws.Tests.Signing;

/// <summary>SigV4's published derivation, used to check the signer against a known canonical request.</summary>
internal static class SigV4Reference
{
    private const string ContentHashHeader = "x-amz-content-sha256";

    public static string StringToSign(string canonicalRequest, DateTimeOffset at, string region, string service) =>
        string.Join('\n',
            "AWS4-HMAC-SHA256",
            at.UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", System.Globalization.CultureInfo.InvariantCulture),
            Scope(at, region, service),
            Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(canonicalRequest))));

    public static string Signature(string stringToSign, string secretKey, DateTimeOffset at, string region, string service)
    {
        var key = Hmac(Encoding.UTF8.GetBytes("AWS4" + secretKey), at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture));
        key = Hmac(key, region);
        key = Hmac(key, service);
        key = Hmac(key, "aws4_request");
        return Convert.ToHexStringLower(Hmac(key, stringToSign));
    }

    public static string Scope(DateTimeOffset at, string region, string service) =>
        $"{at.UtcDateTime.ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture)}/{region}/{service}/aws4_request";

    /// <summary>
    /// The canonical request with the payload hash also sent as the x-amz-content-sha256 header,
    /// which the SDK's signer always adds and signs.
    /// </summary>
    public static string WithContentHashHeader(string canonicalRequest)
    {
        var lines = canonicalRequest.Split('\n').ToList();
        if (lines.Any(l => l.StartsWith(ContentHashHeader + ":", StringComparison.Ordinal)))
        {
            return canonicalRequest;
        }

        // Lines: method, path, query, headers..., blank, signed headers, payload hash.
        var blank = lines.IndexOf(string.Empty, 3);
        var payloadHash = lines[^1];
        var headers = lines.GetRange(3, blank - 3).Append($"{ContentHashHeader}:{payloadHash}").Order(StringComparer.Ordinal);
        var signed = lines[blank + 1].Split(';').Append(ContentHashHeader).Order(StringComparer.Ordinal);
        return string.Join('\n', lines.Take(3).Concat(headers).Append(string.Empty).Append(string.Join(';', signed)).Append(payloadHash));
    }

    public static string SignedHeaders(string canonicalRequest)
    {
        var lines = canonicalRequest.Split('\n');
        return lines[^2];
    }

    private static byte[] Hmac(byte[] key, string data) => HMACSHA256.HashData(key, Encoding.UTF8.GetBytes(data));
}
