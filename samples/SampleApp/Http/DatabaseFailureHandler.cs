using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SampleApp.Health;
using SampleApp.Settings;

namespace SampleApp.Http;

/// <summary>
/// Answers a failed database call with 503 and a problem-details body, and turns readiness false at
/// once so the load balancer stops sending traffic before the next probe would notice.
/// </summary>
internal sealed partial class DatabaseFailureHandler(
    IProblemDetailsService problemDetails, ReadinessProbe readiness, AppSettings settings, ILogger<DatabaseFailureHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested || !DatabaseFailures.IsDatabaseFailure(exception))
        {
            return false;
        }

        var reason = DatabaseFailures.Describe(exception, settings.TableName);
        readiness.ReportFailure(reason);
        LogDatabaseFailure(logger, httpContext.Request.Path, reason, exception.GetType().Name);

        httpContext.Response.StatusCode = StatusCodes.Status503ServiceUnavailable;
        httpContext.Response.Headers.RetryAfter = "1";
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status503ServiceUnavailable,
                Title = "Database unavailable",
                Detail = $"The service cannot read its data: {reason}. Try again shortly.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path} failed: {Reason} ({ErrorType})")]
    private static partial void LogDatabaseFailure(ILogger logger, string path, string reason, string errorType);
}
