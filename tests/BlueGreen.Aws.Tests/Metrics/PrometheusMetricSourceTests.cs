using System.Net;
using System.Text;
using BlueGreen.Aws.Metrics;
using BlueGreen.Aws.Tests.Fakes;
using BlueGreen.Core.Metrics;

namespace BlueGreen.Aws.Tests.Metrics;

public sealed class PrometheusMetricSourceTests : IDisposable
{
    private readonly PromStub _prometheus = new();
    private readonly HttpClient _http;

    public PrometheusMetricSourceTests()
    {
        _http = new HttpClient(_prometheus);
    }

    public void Dispose() => _http.Dispose();

    [Fact]
    public async Task ReadsRequestsFailuresAndP99_OfTheColourOverTheWindow()
    {
        _prometheus.Vector("1200.4").Vector("3").Vector("0.182");

        var metrics = await Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None);

        Assert.Equal(new IntervalMetrics(1200, 3, TimeSpan.FromSeconds(0.182)), metrics);
        Assert.Equal(
            "sum(increase(http_server_request_duration_seconds_count{colour=\"green\"}[30s]))",
            _prometheus.Queries[0]);
        Assert.Contains("http_response_status_code=~\"5..\"", _prometheus.Queries[1], StringComparison.Ordinal);
        Assert.StartsWith("histogram_quantile(0.99", _prometheus.Queries[2], StringComparison.Ordinal);
        Assert.All(_prometheus.Times, t => Assert.Equal(Clock.Start.AddSeconds(30).ToUnixTimeSeconds().ToString(System.Globalization.CultureInfo.InvariantCulture), t));
    }

    [Fact]
    public async Task NoRequests_IsEmpty_AndAsksNothingMore()
    {
        _prometheus.Empty();

        Assert.Equal(IntervalMetrics.Empty, await Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None));
        Assert.Single(_prometheus.Queries);
    }

    [Fact]
    public async Task ANaNQuantile_HasNoP99()
    {
        _prometheus.Vector("10").Empty().Vector("NaN");

        var metrics = await Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None);

        Assert.Equal(new IntervalMetrics(10, 0, null), metrics);
    }

    [Fact]
    public async Task ARejectedQuery_SaysWhichQuery()
    {
        _prometheus.Error("parse error at char 5: unexpected identifier");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None));

        Assert.Contains("parse error at char 5", error.Message, StringComparison.Ordinal);
        Assert.Contains("colour=\"green\"", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AQueryWithSeveralSeries_IsRejected()
    {
        _prometheus.Raw("""{"status":"success","data":{"resultType":"vector","result":[{"metric":{"pod":"a"},"value":[1,"1"]},{"metric":{"pod":"b"},"value":[1,"2"]}]}}""");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None));

        Assert.Contains("gives 2 series", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AnAnswerThatIsNotPrometheus_SaysToCheckTheUrl()
    {
        _prometheus.Raw("<html>login</html>");

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => Source().GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None));

        Assert.Contains("check the URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task AwsMetricSource_TakesUserTrafficFromPrometheus_AndDirectProbesFromProbes()
    {
        _prometheus.Vector("5").Vector("0").Vector("0.1");
        var probes = new FixedMetrics(new IntervalMetrics(7, 1, TimeSpan.FromMilliseconds(9)));
        var source = new AwsMetricSource(probes, Source());

        Assert.Equal(5, (await source.GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None)).Requests);
        Assert.Equal(7, (await source.GetAsync("green", MetricScope.DirectProbes, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None)).Requests);
        Assert.Equal(7, (await new AwsMetricSource(probes, null).GetAsync("green", MetricScope.UserTraffic, Clock.Start, Clock.Start.AddSeconds(30), CancellationToken.None)).Requests);
    }

    private PrometheusMetricSource Source() => new(_http, new PrometheusOptions { Url = new Uri("http://127.0.0.1:9090/") });

    private sealed class FixedMetrics(IntervalMetrics metrics) : IMetricSource
    {
        public Task<IntervalMetrics> GetAsync(string colour, MetricScope scope, DateTimeOffset start, DateTimeOffset end, CancellationToken cancellationToken) => Task.FromResult(metrics);
    }

    /// <summary>Prometheus's /api/v1/query answering from a script, recording each query and time.</summary>
    private sealed class PromStub : HttpMessageHandler
    {
        private readonly Queue<string> _answers = new();

        public List<string> Queries { get; } = [];

        public List<string> Times { get; } = [];

        public PromStub Vector(string value) => Raw($$$"""{"status":"success","data":{"resultType":"vector","result":[{"metric":{},"value":[1764234030,"{{{value}}}"]}]}}""");

        public PromStub Empty() => Raw("""{"status":"success","data":{"resultType":"vector","result":[]}}""");

        public PromStub Error(string message) => Raw($$"""{"status":"error","errorType":"bad_data","error":"{{message}}"}""");

        public PromStub Raw(string body)
        {
            _answers.Enqueue(body);
            return this;
        }

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
        {
            Assert.Equal("/api/v1/query", request.RequestUri!.AbsolutePath);
            var query = System.Web.HttpUtility.ParseQueryString(request.RequestUri.Query);
            Queries.Add(query["query"]!);
            Times.Add(query["time"]!);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new StringContent(_answers.Dequeue(), Encoding.UTF8, "application/json") });
        }
    }
}
