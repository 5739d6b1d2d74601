using System.Net;
using BlueGreen.Aws.Clients;
using BlueGreen.Aws.CloudWatch;
using BlueGreen.Aws.LoadBalancing;
using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Aws.Tests.Moto;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Gates;
using BlueGreen.Core.Metrics;
using Microsoft.Extensions.Time.Testing;

namespace BlueGreen.Aws.Tests.CloudWatch;

/// <summary>
/// The CloudWatch metric source on moto: datapoints put in known amounts per colour's load balancer (found from its
/// Ingress hostname through DescribeLoadBalancers) read back as requests, failures and p99; a missing minute is no data.
/// </summary>
public sealed class CloudWatchMetricSourceTests : IClassFixture<MotoFixture>
{
    // The interval 09:02-09:04 read 2 minutes late: the minutes that began at 09:00 and 09:01.
    private static readonly DateTimeOffset Start = Clock.Start.AddMinutes(2);
    private static readonly DateTimeOffset End = Clock.Start.AddMinutes(4);

    private readonly MotoFixture _moto;
    private readonly FakeTimeProvider _time = new(Clock.Start);

    public CloudWatchMetricSourceTests(MotoFixture moto)
    {
        _moto = moto;
    }

    [Fact]
    public async Task KnownAmounts_GiveEachColoursRequestsAndFailureRate_FromItsOwnLoadBalancer()
    {
        // Given each colour's ALB, and what each served in the minutes 09:00 and 09:01
        var (hostnames, blue, green) = await TwoColoursAsync();
        var put = new CloudWatchSetup(_moto);
        await put.PutAsync(blue, "RequestCount", Clock.Start, 600);
        await put.PutAsync(blue, "RequestCount", Clock.Start.AddMinutes(1), 400);
        await put.PutAsync(blue, "HTTPCode_Target_5XX_Count", Clock.Start, 3);
        await put.PutAsync(blue, "HTTPCode_ELB_5XX_Count", Clock.Start.AddMinutes(1), 2);
        await put.PutAsync(blue, "HTTPCode_Target_4XX_Count", Clock.Start, 90);
        await put.PutAsync(blue, "TargetResponseTime", Clock.Start, 0.120);
        await put.PutAsync(green, "RequestCount", Clock.Start, 100);
        await put.PutAsync(green, "RequestCount", Clock.Start.AddMinutes(1), 100);
        await put.PutAsync(green, "HTTPCode_Target_5XX_Count", Clock.Start.AddMinutes(1), 40);

        // Outside the window: the minute before, and the minute being read's successor.
        await put.PutAsync(green, "HTTPCode_Target_5XX_Count", Clock.Start.AddMinutes(-1), 1000);
        await put.PutAsync(green, "RequestCount", Clock.Start.AddMinutes(2), 1000);
        using var network = new FaultInjectingHandler();
        var source = Source(hostnames, network: network);

        // When the gates read the interval
        var blueMetrics = await source.GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None);
        var greenMetrics = await source.GetAsync("green", MetricScope.UserTraffic, Start, End, CancellationToken.None);

        // Then 4xx are not failures, and each colour counts only its own load balancer
        Assert.Equal((1000L, 5L, 99.5), (blueMetrics.Requests, blueMetrics.Failures, blueMetrics.SuccessRate));
        Assert.Equal((200L, 40L, 80.0), (greenMetrics.Requests, greenMetrics.Failures, greenMetrics.SuccessRate));
        Assert.Null(blueMetrics.NoData);
        Assert.Equal(GateVerdict.Fail, HealthGate.Evaluate(greenMetrics, new GatesConfig()).Verdict);

        // moto 5.2.1 answers p99 of a metric with datapoints with a 500, so p99 is unknown while requests and failures were read.
        Assert.Null(blueMetrics.P99);
        var counts = network.Requests.First(r => r.Body.Contains("Action=GetMetricData", StringComparison.Ordinal));
        Assert.Contains("StartTime=2026-11-27T09%3A00%3A00Z&EndTime=2026-11-27T09%3A02%3A00Z", counts.Body, StringComparison.Ordinal);
        Assert.Contains("MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=LoadBalancer", counts.Body, StringComparison.Ordinal);
        Assert.Contains("MetricDataQueries.member.3.MetricStat.Metric.MetricName=HTTPCode_ELB_5XX_Count", counts.Body, StringComparison.Ordinal);
        Assert.Contains(network.Requests, r => r.Body.Contains("MetricStat.Stat=p99", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AMinuteThatHasNotArrived_IsNoData_AndTheGateIsInconclusive_NotHealthy()
    {
        var (hostnames, blue, _) = await TwoColoursAsync();
        await new CloudWatchSetup(_moto).PutAsync(blue, "RequestCount", Clock.Start, 600);

        var metrics = await Source(hostnames).GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None);

        Assert.Equal($"CloudWatch has no RequestCount of {blue} for 09:01:00-09:02:00 yet (a period without requests has none either; metrics that arrive later than gates.metricDelay 2m are not seen)", metrics.NoData);
        var reading = HealthGate.Evaluate(metrics, new GatesConfig());
        Assert.Equal((GateVerdict.Inconclusive, metrics.NoData), (reading.Verdict, reading.Reason));
    }

    [Fact]
    public async Task HighResolutionMetrics_AreReadPerTenSeconds_WithoutDelay()
    {
        var (hostnames, _, green) = await TwoColoursAsync();
        var put = new CloudWatchSetup(_moto);
        for (var i = 0; i < 3; i++)
        {
            await put.PutAsync(green, "RequestCount", Clock.Start.AddSeconds(10 * i), 50, highResolution: true);
        }

        await put.PutAsync(green, "HTTPCode_Target_5XX_Count", Clock.Start.AddSeconds(20), 15, highResolution: true);
        var source = Source(hostnames, new CloudWatchMetricOptions { Period = TimeSpan.FromSeconds(10), Delay = TimeSpan.Zero });

        var metrics = await source.GetAsync("green", MetricScope.UserTraffic, Clock.Start.AddSeconds(3), Clock.Start.AddSeconds(33), CancellationToken.None);

        Assert.Equal((150L, 15L, 90.0), (metrics.Requests, metrics.Failures, metrics.SuccessRate));
    }

    [Fact]
    public async Task AWindowWithoutAWholePeriod_IsNoData_AndAsksNothing()
    {
        using var network = new FaultInjectingHandler();
        var source = Source(new Dictionary<string, string>(), network: network);

        var metrics = await source.GetAsync("blue", MetricScope.UserTraffic, Clock.Start.AddSeconds(5), Clock.Start.AddSeconds(35), CancellationToken.None);

        Assert.Equal("the window 09:00:05-09:00:35 holds no whole CloudWatch period of 60s", metrics.NoData);
        Assert.Empty(network.Requests);
    }

    [Fact]
    public async Task P99_FromCloudWatchsDocumentedAnswer_IsTheWorstPeriods()
    {
        // moto cannot answer p99 (see TestData/cloudwatch/README.md), so the documented answer stands in for it.
        var (hostnames, blue, _) = await TwoColoursAsync();
        var put = new CloudWatchSetup(_moto);
        await put.PutAsync(blue, "RequestCount", Clock.Start, 300);
        await put.PutAsync(blue, "RequestCount", Clock.Start.AddMinutes(1), 300);
        using var network = new FaultInjectingHandler().AnswerInstead(r => r.Body.Contains("Stat=p99", StringComparison.Ordinal), HttpStatusCode.OK, TestFiles.CloudWatch("get-metric-data-p99.xml"));

        var metrics = await Source(hostnames, network: network).GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None);

        Assert.Equal(TimeSpan.FromMilliseconds(734), metrics.P99);
        var p99 = network.Requests.Single(r => r.Body.Contains("Stat=p99", StringComparison.Ordinal));
        Assert.Equal(
            $"Action=GetMetricData&Version=2010-08-01&StartTime=2026-11-27T09%3A00%3A00Z&EndTime=2026-11-27T09%3A02%3A00Z&ScanBy=TimestampAscending&MetricDataQueries.member.1.Id=p99&MetricDataQueries.member.1.MetricStat.Metric.Namespace=AWS%2FApplicationELB&MetricDataQueries.member.1.MetricStat.Metric.MetricName=TargetResponseTime&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Name=LoadBalancer&MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.1.Value={Uri.EscapeDataString(blue)}&MetricDataQueries.member.1.MetricStat.Period=60&MetricDataQueries.member.1.MetricStat.Stat=p99&MetricDataQueries.member.1.ReturnData=true",
            p99.Body);
        Assert.Equal(GateVerdict.Fail, HealthGate.Evaluate(metrics, new GatesConfig()).Verdict);
    }

    [Fact]
    public async Task ThrottlingAnd5xx_AreRetried_ThenTheReadSucceeds()
    {
        var (hostnames, blue, _) = await TwoColoursAsync();
        var put = new CloudWatchSetup(_moto);
        await put.PutAsync(blue, "RequestCount", Clock.Start, 10);
        await put.PutAsync(blue, "RequestCount", Clock.Start.AddMinutes(1), 10);
        using var network = new FaultInjectingHandler()
            .AnswerInstead(IsCounts, HttpStatusCode.BadRequest, Throttling)
            .AnswerInstead(IsCounts, HttpStatusCode.ServiceUnavailable, string.Empty);
        var source = Source(hostnames, retry: new AwsRetryOptions { MaxRetries = 3, Randomizer = new Random(11).NextDouble }, network: network);

        var metrics = await Clock.RunAsync(_time, () => source.GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal(20, metrics.Requests);
        Assert.Equal(3, network.Requests.Count(IsCounts));
    }

    [Fact]
    public async Task AP99MotoCannotGive_IsAskedThroughItsOwnClient_WithItsOwnFewerRetries()
    {
        var (hostnames, blue, _) = await TwoColoursAsync();
        var put = new CloudWatchSetup(_moto);
        await put.PutAsync(blue, "RequestCount", Clock.Start, 10);
        await put.PutAsync(blue, "RequestCount", Clock.Start.AddMinutes(1), 10);

        // With a TargetResponseTime datapoint to take the percentile of, moto 5.2.1 answers the p99 query with a 500.
        await put.PutAsync(blue, "TargetResponseTime", Clock.Start, 0.120);
        using var network = new FaultInjectingHandler();
        var percentiles = new CloudWatchClient(_moto.Query(AwsQueryService.CloudWatch, _time, new AwsRetryOptions { MaxRetries = 1, Randomizer = new Random(5).NextDouble }, network));
        var source = Source(hostnames, retry: new AwsRetryOptions { MaxRetries = 6, Randomizer = new Random(5).NextDouble }, network: network, percentiles: percentiles);

        var metrics = await Clock.RunAsync(_time, () => source.GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None), TimeSpan.FromSeconds(1));

        Assert.Equal((20L, (TimeSpan?)null), (metrics.Requests, metrics.P99));
        Assert.Equal(2, network.Requests.Count(r => r.Body.Contains("Stat=p99", StringComparison.Ordinal)));
        Assert.Equal(1, network.Requests.Count(IsCounts));
    }

    [Fact]
    public async Task ThrottlingThatLasts_FailsClearly_AfterTheRetries()
    {
        var (hostnames, _, _) = await TwoColoursAsync();
        using var network = new FaultInjectingHandler().AnswerInstead(IsCounts, HttpStatusCode.BadRequest, Throttling, times: 3);
        var source = Source(hostnames, retry: new AwsRetryOptions { MaxRetries = 2, Randomizer = new Random(11).NextDouble }, network: network);

        var error = await Assert.ThrowsAsync<AwsQueryException>(() => Clock.RunAsync(_time, () => source.GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None), TimeSpan.FromSeconds(1)));

        Assert.Equal("CloudWatch answered GetMetricData with 400 Throttling. CloudWatch said: Rate exceeded. It was retried 2 times with backoff; wait and run the command again (it is safe to repeat).", error.Message);
    }

    [Fact]
    public async Task AHostnameNoLoadBalancerHas_SaysSo()
    {
        var source = Source(new Dictionary<string, string> { ["blue"] = "k8s-gone-0123456789.us-east-1.elb.amazonaws.com" });

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => source.GetAsync("blue", MetricScope.UserTraffic, Start, End, CancellationToken.None));

        Assert.StartsWith("No load balancer of this region has the DNS name k8s-gone-0123456789.us-east-1.elb.amazonaws.com that the blue cluster's Ingress reports", error.Message, StringComparison.Ordinal);
    }

    private const string Throttling = "<ErrorResponse xmlns=\"http://monitoring.amazonaws.com/doc/2010-08-01/\"><Error><Type>Sender</Type><Code>Throttling</Code><Message>Rate exceeded</Message></Error><RequestId>r-1</RequestId></ErrorResponse>";

    private static bool IsCounts(RecordedRequest r) => r.Body.Contains("Action=GetMetricData", StringComparison.Ordinal) && r.Body.Contains("Id=requests", StringComparison.Ordinal);

    private async Task<(Dictionary<string, string> Hostnames, string Blue, string Green)> TwoColoursAsync()
    {
        var setup = new LoadBalancerSetup(_moto);
        var blue = await setup.CreateAsync(MotoFixture.NewName("k8s-blue"));
        var green = await setup.CreateAsync(MotoFixture.NewName("k8s-green"));
        return (new Dictionary<string, string> { ["blue"] = blue.DnsName, ["green"] = green.DnsName }, blue.MetricDimension, green.MetricDimension);
    }

    private CloudWatchMetricSource Source(Dictionary<string, string> hostnames, CloudWatchMetricOptions? options = null, AwsRetryOptions? retry = null, FaultInjectingHandler? network = null, CloudWatchClient? percentiles = null)
    {
        var elb = new ElasticLoadBalancingClient(_moto.Query(AwsQueryService.ElasticLoadBalancingV2));
        var dimensions = new LoadBalancerDimensions(elb, (colour, _) => Task.FromResult(hostnames.GetValueOrDefault(colour)));
        var cloudWatch = new CloudWatchClient(_moto.Query(AwsQueryService.CloudWatch, _time, retry, network));
        return new CloudWatchMetricSource(cloudWatch, dimensions.GetAsync, options ?? new CloudWatchMetricOptions(), percentiles);
    }
}
