namespace BlueGreen.Aws.Clients;

/// <summary>An AWS Query API refused a request or could not be reached; the message says what to do.</summary>
public sealed class AwsQueryException : Exception
{
    public AwsQueryException()
    {
        Code = "Unknown";
    }

    public AwsQueryException(string message)
        : base(message)
    {
        Code = "Unknown";
    }

    public AwsQueryException(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Unknown";
    }

    public AwsQueryException(string code, int statusCode, string? serviceMessage, string? requestId, string message)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        ServiceMessage = serviceMessage;
        RequestId = requestId;
    }

    /// <summary>The service's error code, e.g. LoadBalancerNotFound, Throttling; Unknown when the answer had none.</summary>
    public string Code { get; }

    /// <summary>HTTP status of the answer; 0 when there was no answer.</summary>
    public int StatusCode { get; }

    /// <summary>The service's own message, when it sent one.</summary>
    public string? ServiceMessage { get; }

    /// <summary>The request id the service gave the failed request, for a support case.</summary>
    public string? RequestId { get; }

    /// <summary>True for errors that go away by waiting: throttling and server errors.</summary>
    public bool IsTransient =>
        StatusCode >= 500 || StatusCode == 429 || Code is "Throttling" or "ThrottlingException" or "RequestLimitExceeded" or "RequestThrottled" or "TooManyRequestsException" or "ServiceUnavailable";
}
