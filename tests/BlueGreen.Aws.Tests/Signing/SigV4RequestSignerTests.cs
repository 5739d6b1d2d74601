using Amazon.Runtime;
using BlueGreen.Aws.Signing;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Signing;

public sealed class SigV4RequestSignerTests
{
    /// <summary>Suite cases that do not apply to the Route53 signing path, with the reason (docs/aws-mode.md lists them too).</summary>
    internal static readonly IReadOnlyDictionary<string, string> NotApplicable = new Dictionary<string, string>(StringComparer.Ordinal)
    {
        ["get-relative-unnormalized"] = "Unnormalized paths are S3's rule; System.Uri removes dot segments before signing, and Route53 paths have none.",
        ["get-relative-relative-unnormalized"] = "Unnormalized paths are S3's rule; System.Uri removes dot segments before signing, and Route53 paths have none.",
        ["get-slash-dot-slash-unnormalized"] = "Unnormalized paths are S3's rule; System.Uri removes dot segments before signing, and Route53 paths have none.",
        ["get-slash-pointless-dot-unnormalized"] = "Unnormalized paths are S3's rule; System.Uri removes dot segments before signing, and Route53 paths have none.",
        ["get-slash-normalized"] = "The SDK signer keeps consecutive slashes; Route53 paths have no empty segment (ids are validated).",
        ["get-slashes-normalized"] = "The SDK signer keeps consecutive slashes; Route53 paths have no empty segment (ids are validated).",
        ["get-space-normalized"] = "A path outside the unreserved set is encoded once more by the SDK (the double encoding non-S3 services expect on the wire); Route53 paths are unreserved characters only.",
        ["get-space-unnormalized"] = "A path outside the unreserved set is encoded once more by the SDK (the double encoding non-S3 services expect on the wire); Route53 paths are unreserved characters only.",
        ["get-utf8"] = "A path outside the unreserved set is encoded once more by the SDK (the double encoding non-S3 services expect on the wire); Route53 paths are unreserved characters only.",
        ["get-vanilla-query-order-encoded"] = "The SDK sorts query parameters by decoded name, which differs only for non-ASCII names; Route53's parameter names are ASCII.",
        ["post-sts-header-after"] = "Leaves the session token out of the signature, which Route53 does not accept; post-sts-header-before is the Route53 way.",
    };

    public static TheoryData<string> ApplicableCases() => [.. SigningSuiteCase.AllNames().Where(n => !NotApplicable.ContainsKey(n))];

    public static TheoryData<string> AllCases() => [.. SigningSuiteCase.AllNames()];

    [Theory]
    [MemberData(nameof(ApplicableCases))]
    public async Task Signs_SuiteCase_WithTheExpectedSignature(string name)
    {
        var suiteCase = SigningSuiteCase.Load(name);
        using var request = suiteCase.BuildRequest();

        await SignerFor(suiteCase).SignAsync(request, CancellationToken.None);

        // The SDK always sends and signs the payload hash; the suite omits that header when it does
        // not sign the body, so the expected canonical request gains exactly that one header line.
        var canonical = SigV4Reference.WithContentHashHeader(suiteCase.Read("header-canonical-request.txt"));
        var stringToSign = SigV4Reference.StringToSign(canonical, suiteCase.Timestamp, suiteCase.Region, suiteCase.Service);
        var signature = SigV4Reference.Signature(stringToSign, suiteCase.SecretKey, suiteCase.Timestamp, suiteCase.Region, suiteCase.Service);
        var expected = $"AWS4-HMAC-SHA256 Credential={suiteCase.AccessKey}/{SigV4Reference.Scope(suiteCase.Timestamp, suiteCase.Region, suiteCase.Service)}, SignedHeaders={SigV4Reference.SignedHeaders(canonical)}, Signature={signature}";
        Assert.Equal(expected, Single(request, "Authorization"));
        Assert.Equal("20150830T123600Z", Single(request, "X-Amz-Date"));
        if (suiteCase.SignBody)
        {
            Assert.Equal(suiteCase.Read("header-signature.txt").Trim(), signature);
        }

        if (suiteCase.Token is { } token)
        {
            Assert.Equal(token, Single(request, "X-Amz-Security-Token"));
        }
    }

    [Theory]
    [MemberData(nameof(AllCases))]
    public void Reference_ReproducesTheSuitesStringToSignAndSignature(string name)
    {
        var suiteCase = SigningSuiteCase.Load(name);
        var stringToSign = SigV4Reference.StringToSign(suiteCase.Read("header-canonical-request.txt"), suiteCase.Timestamp, suiteCase.Region, suiteCase.Service);

        Assert.Equal(suiteCase.Read("header-string-to-sign.txt").TrimEnd('\n'), stringToSign);
        Assert.Equal(suiteCase.Read("header-signature.txt").Trim(), SigV4Reference.Signature(stringToSign, suiteCase.SecretKey, suiteCase.Timestamp, suiteCase.Region, suiteCase.Service));
    }

    [Fact]
    public void NotApplicableList_NamesOnlySuiteCases_AndLeavesMostToPass()
    {
        var all = SigningSuiteCase.AllNames().ToHashSet(StringComparer.Ordinal);

        Assert.All(NotApplicable.Keys, n => Assert.Contains(n, all));
        Assert.Equal(38, all.Count);
        Assert.Equal(27, all.Count - NotApplicable.Count);
    }

    [Fact]
    public async Task Signs_TheHostWithItsPort_ForALocalEndpoint()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(2015, 8, 30, 12, 36, 0, TimeSpan.Zero));
        var signer = new SigV4RequestSigner(new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"), "us-east-1", "route53", time);
        using var request = new HttpRequestMessage(HttpMethod.Get, "http://127.0.0.1:4567/2013-04-01/change/C2682N5HXP0BZ4");

        await signer.SignAsync(request, CancellationToken.None);

        var canonical = string.Join('\n',
            "GET",
            "/2013-04-01/change/C2682N5HXP0BZ4",
            string.Empty,
            "host:127.0.0.1:4567",
            "x-amz-content-sha256:e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
            "x-amz-date:20150830T123600Z",
            string.Empty,
            "host;x-amz-content-sha256;x-amz-date",
            "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        var at = time.GetUtcNow();
        var signature = SigV4Reference.Signature(SigV4Reference.StringToSign(canonical, at, "us-east-1", "route53"), "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", at, "us-east-1", "route53");
        Assert.EndsWith("Signature=" + signature, Single(request, "Authorization"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_ARequestWithoutUri()
    {
        var signer = new SigV4RequestSigner(new BasicAWSCredentials("a", "b"), "us-east-1", "route53", TimeProvider.System);
        using var request = new HttpRequestMessage();

        var error = await Assert.ThrowsAsync<ArgumentException>(() => signer.SignAsync(request, CancellationToken.None));
        Assert.Contains("no URI", error.Message, StringComparison.Ordinal);
    }

    private static SigV4RequestSigner SignerFor(SigningSuiteCase suiteCase)
    {
        AWSCredentials credentials = suiteCase.Token is { } token
            ? new SessionAWSCredentials(suiteCase.AccessKey, suiteCase.SecretKey, token)
            : new BasicAWSCredentials(suiteCase.AccessKey, suiteCase.SecretKey);
        return new SigV4RequestSigner(credentials, suiteCase.Region, suiteCase.Service, new FakeTimeProvider(suiteCase.Timestamp));
    }

    private static string Single(HttpRequestMessage request, string header) =>
        Assert.Single(request.Headers.NonValidated[header]);
}
