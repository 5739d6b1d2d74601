using System.Net;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Signing;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.Clients;

/// <summary>The Query-protocol client against moto: the form it sends, the signature botocore computes for it, ErrorResponse parsing, and injected throttling, 5xx and network failures.</summary>
public sealed class AwsQueryClientTests : IClassFixture<MotoFixture>
{
    private const string Throttling = "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>a1b2c3d4-0000-4000-8000-000000000001</RequestId></ErrorResponse>";

    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public AwsQueryClientTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task Sends_ActionVersionAndParameters_AsOneFormEncodedPost_SignedForTheService()
    {
        using var network = new FaultInjectingHandler();

        var result = await _moto.Query(AwsQueryService.CloudWatch, network: network).SendAsync("DescribeAlarms", [new("AlarmNamePrefix", "web 5xx/high"), new("MaxRecords", "10")], CancellationToken.None);

        Assert.Equal("DescribeAlarmsResult", result.Name.LocalName);
        var post = Assert.Single(network.Requests);
        Assert.Equal("POST /", post.ToString());
        Assert.Equal("Action=DescribeAlarms&Version=2010-08-01&AlarmNamePrefix=web+5xx%2Fhigh&MaxRecords=10", post.Body);
        Assert.StartsWith("application/x-www-form-urlencoded", post.Headers["Content-Type"], StringComparison.Ordinal);

        // CloudWatch signs as "monitoring", not as its IAM prefix.
        Assert.Matches("^AWS4-HMAC-SHA256 Credential=testing/[0-9]{8}/us-east-1/monitoring/aws4_request, SignedHeaders=content-type;host;x-amz-content-sha256;x-amz-date, Signature=[0-9a-f]{64}$", post.Headers["Authorization"]);
    }

    [Fact]
    public async Task TheSignature_IsTheOneBotocoreComputes_ForTheSameRequest()
    {
        using var network = new FaultInjectingHandler();
        await _moto.Query(AwsQueryService.CloudWatch, _time, network: network, region: "eu-west-1").SendAsync("DescribeAlarms", [new("AlarmNamePrefix", "web 5xx/high"), new("MaxRecords", "100")], CancellationToken.None);
        var sent = Assert.Single(network.Requests);

        var botocore = await BotocoreSigner.AuthorizationAsync(sent, "testing", "testing", "eu-west-1", "monitoring");

        Assert.Equal("20261127T090000Z", sent.Headers["X-Amz-Date"]);
        Assert.Equal(botocore, sent.Headers["Authorization"]);
    }

    [Fact]
    public async Task AnErrorResponse_IsAnExceptionWithTheCodeTheMessageAndTheRequestId_NotRetried()
    {
        using var network = new FaultInjectingHandler();

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Retrying(AwsQueryService.ElasticLoadBalancingV2, network, maxRetries: 6).SendAsync("DescribeLoadBalancers", [new("Names.member.1", "no-such-alb")], CancellationToken.None));

        Assert.Equal(("LoadBalancerNotFound", 400), (error.Code, error.StatusCode));
        Assert.Equal("The specified load balancer does not exist.", error.ServiceMessage);
        Assert.False(string.IsNullOrEmpty(error.RequestId));
        Assert.Equal("Elastic Load Balancing answered DescribeLoadBalancers with 400 LoadBalancerNotFound. Elastic Load Balancing said: The specified load balancer does not exist.", error.Message);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task RetriesThrottlingAnd500_SignedAfresh_ThenAnswers()
    {
        using var network = new FaultInjectingHandler()
            .AnswerInstead(_ => true, HttpStatusCode.BadRequest, Throttling)
            .LoseAnswer(_ => true, HttpStatusCode.InternalServerError);
        var client = Retrying(AwsQueryService.CloudWatch, network, maxRetries: 6);

        var result = await Clock.RunAsync(_time, () => client.SendAsync("DescribeAlarms", [], CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal("DescribeAlarmsResult", result.Name.LocalName);
        Assert.Equal(3, network.Requests.Count);
        Assert.True(string.CompareOrdinal(network.Requests[2].Headers["X-Amz-Date"], network.Requests[0].Headers["X-Amz-Date"]) > 0);
    }

    [Fact]
    public async Task GivesUp_OnThrottling_AfterTheConfiguredRetries_WithWhatToDo()
    {
        using var network = new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.BadRequest, Throttling, times: 3);

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Clock.RunAsync(_time, () => Retrying(AwsQueryService.CloudWatch, network, maxRetries: 2).SendAsync("GetMetricData", [], CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal(("Throttling", "a1b2c3d4-0000-4000-8000-000000000001"), (error.Code, error.RequestId));
        Assert.Equal("CloudWatch answered GetMetricData with 400 Throttling. CloudWatch said: Rate exceeded. It was retried 2 times with backoff; wait and run the command again (it is safe to repeat).", error.Message);
        Assert.Equal(3, network.Requests.Count);
    }

    [Fact]
    public async Task GivesUp_On5xxFromAProxy_WithoutAnErrorDocument()
    {
        using var network = new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.BadGateway, "<html>Bad Gateway</html>", times: 2, contentType: "text/html");

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Clock.RunAsync(_time, () => Retrying(AwsQueryService.CloudWatch, network, maxRetries: 1).SendAsync("GetMetricData", [], CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal((502, "Unknown"), (error.StatusCode, error.Code));
        Assert.Equal("CloudWatch answered GetMetricData with 502 Unknown. It was retried 1 times with backoff; wait and run the command again (it is safe to repeat).", error.Message);
    }

    [Fact]
    public async Task AccessDenied_IsNotRetried_AndNamesThePermission()
    {
        const string denied = "<ErrorResponse><Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudwatch:DescribeAlarms</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";
        using var network = new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.Forbidden, denied);

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Retrying(AwsQueryService.CloudWatch, network, maxRetries: 6).SendAsync("DescribeAlarms", [], CancellationToken.None));

        Assert.Equal("CloudWatch denied DescribeAlarms. CloudWatch said: User: arn:aws:iam::123456789012:user/ops is not authorized to perform: cloudwatch:DescribeAlarms. Grant the caller cloudwatch:DescribeAlarms (the operator policy in docs/aws-runbook.md).", error.Message);
        Assert.Single(network.Requests);
    }

    [Fact]
    public async Task GivesUp_WhenTheEndpointCannotBeReached_NamingIt()
    {
        using var network = new FaultInjectingHandler().Refuse(_ => true, times: 3);

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Clock.RunAsync(_time, () => Retrying(AwsQueryService.ElasticLoadBalancingV2, network, maxRetries: 2).SendAsync("DescribeLoadBalancers", [], CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal($"Elastic Load Balancing DescribeLoadBalancers could not reach {_moto.Endpoint} after 2 retries: Connection refused (injected). Check the network and the endpoint (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2).", error.Message);
        Assert.Equal(3, network.Requests.Count);
    }

    [Theory]
    [InlineData("<html>proxy login", "with something that is not XML")]
    [InlineData("<DescribeTagsResponse><DescribeTagsResult/></DescribeTagsResponse>", "with <DescribeTagsResponse> instead of <DescribeLoadBalancersResponse>")]
    public async Task AnAnswerThatIsNotTheActionsResponse_SaysTheEndpointMayNotBeTheService(string body, string said)
    {
        using var network = new FaultInjectingHandler().AnswerInstead(_ => true, HttpStatusCode.OK, body);

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => _moto.Query(AwsQueryService.ElasticLoadBalancingV2, network: network).SendAsync("DescribeLoadBalancers", [], CancellationToken.None));

        Assert.Contains("Elastic Load Balancing answered DescribeLoadBalancers " + said, error.Message, StringComparison.Ordinal);
        Assert.EndsWith($"check that the endpoint {_moto.Endpoint} is Elastic Load Balancing (AWS_ENDPOINT_URL_ELASTIC_LOAD_BALANCING_V2).", error.Message, StringComparison.Ordinal);
    }

    private AwsQueryClient Retrying(AwsQueryService service, FaultInjectingHandler network, int maxRetries) =>
        _moto.Query(service, _time, new AwsRetryOptions { MaxRetries = maxRetries, Randomizer = new Random(7).NextDouble }, network);
}
