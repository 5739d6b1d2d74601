namespace SampleApp.Faults;

/// <summary>
/// Adds latency and fails a share of requests with 500, only on endpoints marked
/// <see cref="FaultableAttribute"/>: probes and metrics stay truthful during a rehearsal.
/// </summary>
internal sealed class FaultInjectionMiddleware(RequestDelegate next, FaultSettings settings, FaultDice dice, TimeProvider time)
{
    public async Task InvokeAsync(HttpContext context)
    {
        if (!settings.IsEnabled || context.GetEndpoint()?.Metadata.GetMetadata<FaultableAttribute>() is null)
        {
            await next(context);
            return;
        }

        if (settings.Latency > TimeSpan.Zero)
        {
            await Task.Delay(settings.Latency, time, context.RequestAborted);
        }

        if (dice.NextFails())
        {
            await TypedResults.Problem(
                title: "Injected fault",
                detail: "This instance runs with fault injection switched on (BLUEGREEN_FAULTS) for a rehearsal.",
                statusCode: StatusCodes.Status500InternalServerError).ExecuteAsync(context);
            return;
        }

        await next(context);
    }
}
