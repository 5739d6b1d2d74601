using System.Net;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace SampleApp.Http;

/// <summary>
/// Tells database failures (unreachable, timed out, overloaded, throttling, table missing, access
/// denied) from requests the database rejects (another 4xx) and from programming errors.
/// </summary>
internal static class DatabaseFailures
{
    // Error codes that mean this instance cannot use the database at all, whatever it asks:
    // throttling, and an identity the database refuses.
    private static readonly HashSet<string> InstanceWideCodes = new(StringComparer.Ordinal)
    {
        "ThrottlingException", "Throttling", "ProvisionedThroughputExceededException", "RequestLimitExceeded",
        "TooManyRequestsException", "AccessDeniedException", "AccessDenied", "UnrecognizedClientException", "ExpiredTokenException",
        "ResourceNotFoundException",
    };

    /// <summary>True when the database is failing for every request: readiness should turn false.</summary>
    public static bool IsDatabaseFailure(Exception error) => error switch
    {
        AmazonServiceException service => IsInstanceWide(service) || IsNetworkOrTimeout(service.InnerException),
        AmazonClientException or HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        _ => error.InnerException is { } inner && IsDatabaseFailure(inner),
    };

    /// <summary>
    /// True when the database answered this one request with a client error (a 4xx such as
    /// ValidationException from a wrong key): a fault of the request, not of the database.
    /// </summary>
    public static bool IsRejectedRequest(Exception error) => error switch
    {
        AmazonServiceException service => !IsDatabaseFailure(service) && (int)service.StatusCode is >= 400 and < 500,
        _ => error.InnerException is { } inner && IsRejectedRequest(inner),
    };

    /// <summary>A sentence fragment for problem details and logs; never a stack trace.</summary>
    public static string Describe(Exception error, string tableName) => error switch
    {
        ResourceNotFoundException => $"table '{tableName}' does not exist",
        AmazonServiceException { ErrorCode: { Length: > 0 } code } service => $"the database refused the request ({code}, HTTP {(int)service.StatusCode})",
        OperationCanceledException or TimeoutException => "the database did not answer in time",
        _ when error.InnerException is ResourceNotFoundException or AmazonServiceException { ErrorCode.Length: > 0 } => Describe(error.InnerException, tableName),
        _ => "the database is unreachable",
    };

    /// <summary>
    /// A sentence fragment for a rejected request. The error code loses its "Exception" suffix, as
    /// answers never name exception types.
    /// </summary>
    public static string DescribeRejection(Exception error) => error switch
    {
        AmazonServiceException service =>
            $"the database rejected the request ({(service.ErrorCode is { Length: > 0 } code ? code.Replace("Exception", string.Empty, StringComparison.Ordinal) + ", " : string.Empty)}HTTP {(int)service.StatusCode})",
        { InnerException: { } inner } => DescribeRejection(inner),
        _ => "the database rejected the request",
    };

    private static bool IsInstanceWide(AmazonServiceException error) =>
        (int)error.StatusCode >= 500
        || error.StatusCode == HttpStatusCode.TooManyRequests
        || error is ResourceNotFoundException
        || (error.ErrorCode is { } code && InstanceWideCodes.Contains(code));

    private static bool IsNetworkOrTimeout(Exception? error) => error switch
    {
        null => false,
        HttpRequestException or IOException or TimeoutException or OperationCanceledException => true,
        _ => IsNetworkOrTimeout(error.InnerException),
    };
}
