using System.Reflection;
using SampleApp.Settings;

namespace SampleApp.Health;

/// <summary>Liveness, readiness and version routes for probes, load balancers and operators.</summary>
internal static class HealthEndpoints
{
    public static readonly string AppVersion =
        typeof(HealthEndpoints).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion
        ?? typeof(HealthEndpoints).Assembly.GetName().Version?.ToString()
        ?? "unknown";

    public static void MapHealthEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/healthz", () => TypedResults.Ok(new { status = "alive" }));

        routes.MapGet("/readyz", async Task<IResult> (ReadinessProbe readiness, CancellationToken cancellationToken) =>
        {
            var result = await readiness.CheckAsync(cancellationToken);
            return result.IsReady
                ? TypedResults.Ok(new { status = "ready" })
                : TypedResults.Problem(title: "Not ready", detail: $"This instance is not ready: {result.Reason}.", statusCode: StatusCodes.Status503ServiceUnavailable);
        });

        routes.MapGet("/version", (AppSettings settings) =>
            TypedResults.Ok(new { colour = settings.Colour, version = AppVersion, kubernetesVersion = settings.KubernetesVersion }));
    }
}
