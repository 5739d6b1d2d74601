using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Mvc;
using SampleApp.Health;
using SampleApp.Settings;

namespace SampleApp.Http;

/// <summary>
/// Answers a failed database call with 503 and a problem-details body, and turns readiness false at
/// once so the load balancer stops sending traffic before the next probe would notice; a request the
/// database rejects (a 4xx such as ValidationException) gets 500 and leaves readiness alone.
/// </summary>
internal sealed partial class DatabaseFailureHandler(
    IProblemDetailsService problemDetails, ReadinessProbe readiness, AppSettings settings, ILogger<DatabaseFailureHandler> logger)
    : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (httpContext.RequestAborted.IsCancellationRequested)
        {
            return false;
        }

        if (DatabaseFailures.IsRejectedRequest(exception))
        {
            return await AnswerRejectedRequestAsync(httpContext, exception);
        }

        if (!DatabaseFailures.IsDatabaseFailure(exception))
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

    // The database is fine and so is readiness: this request asked for something the table does not
    // allow (a wrong key name, say), which is the service's own error.
    private async ValueTask<bool> AnswerRejectedRequestAsync(HttpContext httpContext, Exception exception)
    {
        var reason = DatabaseFailures.DescribeRejection(exception);
        LogRejectedRequest(logger, httpContext.Request.Path, reason, exception.GetType().Name);
        httpContext.Response.StatusCode = StatusCodes.Status500InternalServerError;
        return await problemDetails.TryWriteAsync(new ProblemDetailsContext
        {
            HttpContext = httpContext,
            Exception = exception,
            ProblemDetails = new ProblemDetails
            {
                Status = StatusCodes.Status500InternalServerError,
                Title = "Request rejected by the database",
                Detail = $"The service sent a request the database does not accept: {reason}. " +
                    $"Check that {EnvironmentNames.TableName} and {EnvironmentNames.PartitionKey} match the table.",
            },
        });
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Request {Path} was rejected by the database: {Reason} ({ErrorType})")]
    private static partial void LogRejectedRequest(ILogger logger, string path, string reason, string errorType);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Request {Path} failed: {Reason} ({ErrorType})")]
    private static partial void LogDatabaseFailure(ILogger logger, string path, string reason, string errorType);
}
