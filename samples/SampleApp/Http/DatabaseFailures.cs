using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace SampleApp.Http;

/// <summary>Tells database failures (unreachable, timed out, table missing, refused) from programming errors.</summary>
internal static class DatabaseFailures
{
    public static bool IsDatabaseFailure(Exception error) => error switch
    {
        AmazonServiceException or AmazonClientException or HttpRequestException or IOException or TimeoutException => true,
        OperationCanceledException => true,
        _ => error.InnerException is { } inner && IsDatabaseFailure(inner),
    };

    /// <summary>A sentence fragment for problem details and logs; never a stack trace.</summary>
    public static string Describe(Exception error, string tableName) => error switch
    {
        ResourceNotFoundException => $"table '{tableName}' does not exist",
        AmazonServiceException { ErrorCode: { Length: > 0 } code } service => $"the database refused the request ({code}, HTTP {(int)service.StatusCode})",
        OperationCanceledException or TimeoutException => "the database did not answer in time",
        _ when error.InnerException is ResourceNotFoundException inner => Describe(inner, tableName),
        _ => "the database is unreachable",
    };
}
