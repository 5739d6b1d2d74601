using System.Globalization;
using BlueGreen.Aws.Clients;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>Puts into moto's CloudWatch what a load balancer and a team would: datapoints, alarms and their states.</summary>
internal sealed class CloudWatchSetup(MotoFixture moto)
{
    /// <summary>One datapoint of <paramref name="metric"/> for the load balancer <paramref name="dimension"/>, as AWS/ApplicationELB publishes it.</summary>
    public Task PutAsync(string dimension, string metric, DateTimeOffset at, double value, bool highResolution = false) =>
        moto.Query(AwsQueryService.CloudWatch).SendAsync("PutMetricData", [
            new("Namespace", "AWS/ApplicationELB"),
            new("MetricData.member.1.MetricName", metric),
            new("MetricData.member.1.Dimensions.member.1.Name", "LoadBalancer"),
            new("MetricData.member.1.Dimensions.member.1.Value", dimension),
            new("MetricData.member.1.Timestamp", at.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture)),
            new("MetricData.member.1.Value", value.ToString(CultureInfo.InvariantCulture)),
            new("MetricData.member.1.Unit", metric == "TargetResponseTime" ? "Seconds" : "Count"),
            new("MetricData.member.1.StorageResolution", highResolution ? "1" : "60"),
        ], CancellationToken.None);

    /// <summary>A metric alarm on the 5xx of <paramref name="dimension"/>, set to <paramref name="state"/>.</summary>
    public async Task AlarmAsync(string name, string dimension, string state)
    {
        await moto.Query(AwsQueryService.CloudWatch).SendAsync("PutMetricAlarm", [
            new("AlarmName", name),
            new("Namespace", "AWS/ApplicationELB"),
            new("MetricName", "HTTPCode_Target_5XX_Count"),
            new("Dimensions.member.1.Name", "LoadBalancer"),
            new("Dimensions.member.1.Value", dimension),
            new("Statistic", "Sum"),
            new("Period", "60"),
            new("EvaluationPeriods", "1"),
            new("Threshold", "10"),
            new("ComparisonOperator", "GreaterThanOrEqualToThreshold"),
        ], CancellationToken.None);
        await SetStateAsync(name, state);
    }

    /// <summary>SetAlarmState, as a test of an alarm's actions does.</summary>
    public Task SetStateAsync(string name, string state) =>
        moto.Query(AwsQueryService.CloudWatch).SendAsync("SetAlarmState", [new("AlarmName", name), new("StateValue", state), new("StateReason", $"set to {state} by the test")], CancellationToken.None);
}
