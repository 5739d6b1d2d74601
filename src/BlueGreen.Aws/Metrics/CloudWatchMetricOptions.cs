namespace BlueGreen.Aws.Metrics;

/// <summary>Settings of <see cref="CloudWatchMetricSource"/>; the defaults are a load balancer's own metrics.</summary>
public sealed record CloudWatchMetricOptions
{
    /// <summary>The namespace the load balancer metrics are in.</summary>
    public string Namespace { get; init; } = "AWS/ApplicationELB";

    /// <summary>Seconds per datapoint: 60 for the load balancer's own metrics; 1, 5, 10 or 30 for high-resolution metrics one publishes.</summary>
    public TimeSpan Period { get; init; } = TimeSpan.FromMinutes(1);

    /// <summary>How late the metrics arrive: an interval reads the periods that started in the window this much earlier.</summary>
    public TimeSpan Delay { get; init; } = TimeSpan.FromMinutes(2);
}
