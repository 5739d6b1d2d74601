using BlueGreen.Aws.Route53;
using BlueGreen.Core.Clusters;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Metrics;
using BlueGreen.Core.Plans;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// What the AWS adapters need from the clusters: whether a colour is ready, which load balancer its records point
/// at, and its metrics. In a real account that is Kubernetes and the colours' own names; in the AWS-path rehearsal,
/// the sandbox (there is no Kubernetes API on one machine).
/// </summary>
public sealed record ClusterSide : IDisposable
{
    public required IClusterProbe Probe { get; init; }

    public required IAliasTargetSource AliasTargets { get; init; }

    public required IMetricSource Metrics { get; init; }

    /// <summary>The probes alone, for gates.source: probes; null where <see cref="Metrics"/> is all there is.</summary>
    public IMetricSource? Probes { get; init; }

    /// <summary>Prometheus alone, for gates.source: prometheus; null when no --prometheus-url was given.</summary>
    public IMetricSource? Prometheus { get; init; }

    /// <summary>The plan the engine runs on these clusters: the configuration's, or with the sandbox's short timings.</summary>
    public Func<EnvironmentConfig, CutoverPlan> Plan { get; init; } = config => PlanFactory.Create(config);

    /// <summary>Work that runs while an engine runs (synthetic probes measure only then); returns when cancelled.</summary>
    public Func<CancellationToken, Task> RunWhileEngineRuns { get; init; } = _ => Task.CompletedTask;

    /// <summary>A sentence for the operator saying where readiness and metrics come from, or null for the usual.</summary>
    public string? Notice { get; init; }

    /// <summary>What to dispose with the side (HTTP clients).</summary>
    public IDisposable? Resources { get; init; }

    public void Dispose() => Resources?.Dispose();
}
