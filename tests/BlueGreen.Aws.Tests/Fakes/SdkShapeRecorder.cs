using System.Net;
using System.Text;
using Amazon.EC2;
using Amazon.Runtime;
using Amazon.S3;

namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>
/// Real AWS SDK clients whose HTTP is answered by a script: shows the exact requests the S3 journal,
/// the lock and the EC2 checks send, and how they read answers no local server gives (412 on a conditional write).
/// </summary>
internal sealed class SdkShapeRecorder : HttpMessageHandler
{
    private readonly Queue<Func<HttpRequestMessage, HttpResponseMessage>> _answers = new();

    public List<(HttpMethod Method, string Path, Dictionary<string, string> Headers)> Requests { get; } = [];

    /// <summary>Request bodies, in order (EC2's query protocol sends its parameters there).</summary>
    public List<string> Bodies { get; } = [];

    /// <summary>Answers with <paramref name="body"/>; a 200 carries the body's MD5 as its ETag, as S3 sends it and the SDK checks it.</summary>
    public SdkShapeRecorder Answer(HttpStatusCode status, string body = "")
    {
        var etag = status == HttpStatusCode.OK ? ETagOf(body) : null;
        _answers.Enqueue(request =>
        {
            var response = new HttpResponseMessage(status) { RequestMessage = request, Content = new StringContent(body, Encoding.UTF8, "application/xml") };
            if (etag is not null)
            {
                response.Headers.TryAddWithoutValidation("ETag", etag);
            }

            response.Headers.TryAddWithoutValidation("x-amz-request-id", "TESTREQUEST");
            return response;
        });
        return this;
    }

    /// <summary>Answers 200 with the body of request number <paramref name="index"/> (0-based), as S3 returns an object that request wrote.</summary>
    public SdkShapeRecorder Echo(int index)
    {
        _answers.Enqueue(request =>
        {
            var response = new HttpResponseMessage(HttpStatusCode.OK) { RequestMessage = request, Content = new StringContent(Bodies[index], Encoding.UTF8, "application/json") };
            response.Headers.TryAddWithoutValidation("ETag", ETagOf(Bodies[index]));
            return response;
        });
        return this;
    }

    /// <summary>Answers the next request with a refused connection.</summary>
    public SdkShapeRecorder Refuse()
    {
        _answers.Enqueue(_ => throw new HttpRequestException("Connection refused (127.0.0.1:9)"));
        return this;
    }

    /// <summary>The ETag S3 gives an object of <paramref name="body"/> written in one part.</summary>
    public static string ETagOf(string body) => "\"" + Convert.ToHexStringLower(System.Security.Cryptography.MD5.HashData(Encoding.UTF8.GetBytes(body))) + "\"";

    /// <summary>An S3 client on this script; <paramref name="maxErrorRetry"/> above 0 lets the SDK retry as it does in production.</summary>
    public IAmazonS3 Client(int maxErrorRetry = 0) => new AmazonS3Client(
        new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        new AmazonS3Config
        {
            ServiceURL = "http://127.0.0.1:9",
            ForcePathStyle = true,
            AuthenticationRegion = "us-east-1",
            MaxErrorRetry = maxErrorRetry,
            RequestChecksumCalculation = RequestChecksumCalculation.WHEN_REQUIRED,
            ResponseChecksumValidation = ResponseChecksumValidation.WHEN_REQUIRED,
            HttpClientFactory = new Factory(this),
        });

    public IAmazonEC2 Ec2Client() => new AmazonEC2Client(
        new BasicAWSCredentials("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY"),
        new AmazonEC2Config { ServiceURL = "http://127.0.0.1:9", AuthenticationRegion = "ap-northeast-1", MaxErrorRetry = 0, HttpClientFactory = new Factory(this) });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Bodies.Add(request.Content is null ? string.Empty : await request.Content.ReadAsStringAsync(cancellationToken));
        var headers = request.Headers.NonValidated.ToDictionary(h => h.Key, h => string.Join(',', h.Value), StringComparer.OrdinalIgnoreCase);
        Requests.Add((request.Method, request.RequestUri!.AbsolutePath, headers));
        Assert.True(_answers.Count > 0, $"Unexpected request {request.Method} {request.RequestUri}.");
        return _answers.Dequeue()(request);
    }

    private sealed class Factory(SdkShapeRecorder recorder) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(recorder, disposeHandler: false);

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;

        public override bool DisposeHttpClientsAfterUse(IClientConfig clientConfig) => true;
    }
}
