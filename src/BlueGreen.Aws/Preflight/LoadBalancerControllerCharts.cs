using System.Globalization;

namespace BlueGreen.Aws.Preflight;

/// <summary>
/// Which Kubernetes versions an aws-load-balancer-controller Helm chart (eks-charts) supports.
/// Source: the chart's README, "Supported Kubernetes Versions" (kubernetes-sigs/aws-load-balancer-controller,
/// helm/aws-load-balancer-controller/README.md): chart 1.5.0+ requires Kubernetes 1.22+, 1.4.0+ requires 1.19+,
/// 1.2.0 - 1.3.3 supports 1.16 - 1.21, 1.1.6 and before supports 1.15.
/// The README states no upper bound; the controller's release notes say which versions each release was tested on.
/// </summary>
public static class LoadBalancerControllerCharts
{
    private const string Check = "load balancer controller chart";

    private static readonly (int Minor, int MinKubernetes, int? MaxKubernetes)[] Requirements =
    [
        (5, 22, null),
        (4, 19, null),
        (2, 16, 21),
        (0, 15, 15),
    ];

    /// <summary>PASS when <paramref name="chartVersion"/> supports <paramref name="kubernetesVersion"/>, FAIL when outside the documented range or not a version.</summary>
    public static PreflightResult Evaluate(string chartVersion, string kubernetesVersion)
    {
        if (!TryMinor(chartVersion, major: 1, out var chart))
        {
            return PreflightResult.Fail(Check, $"gitops.loadBalancerControllerChart '{chartVersion}' is not a chart version like 1.13.3.");
        }

        if (!TryMinor(kubernetesVersion, major: 1, out var kubernetes))
        {
            return PreflightResult.Fail(Check, $"The Kubernetes version '{kubernetesVersion}' is not a version like 1.33.");
        }

        var (_, min, max) = Requirements.First(r => chart >= r.Minor);
        if (kubernetes < min || (max is { } upper && kubernetes > upper))
        {
            var range = max is null ? $"{min}+" : $"{min}-1.{max}";
            return PreflightResult.Fail(Check, $"Chart {chartVersion} supports Kubernetes 1.{range}, not {kubernetesVersion}. Pick a chart version that supports it (gitops.loadBalancerControllerChart).");
        }

        return PreflightResult.Pass(Check, $"Chart {chartVersion} supports Kubernetes {kubernetesVersion}.");
    }

    private static bool TryMinor(string version, int major, out int minor)
    {
        minor = 0;
        var parts = version.TrimStart('v').Split('.');
        return parts.Length >= 2
            && parts[0] == major.ToString(CultureInfo.InvariantCulture)
            && int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out minor)
            && parts.Skip(2).All(p => int.TryParse(p, NumberStyles.None, CultureInfo.InvariantCulture, out _));
    }
}
