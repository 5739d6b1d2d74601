namespace BlueGreen.Aws.Route53;

/// <summary>Route53 refused a request; the message says what to do.</summary>
public sealed class Route53Exception : Exception
{
    public Route53Exception()
    {
        Code = "Unknown";
        Details = [];
    }

    public Route53Exception(string message)
        : base(message)
    {
        Code = "Unknown";
        Details = [];
    }

    public Route53Exception(string message, Exception innerException)
        : base(message, innerException)
    {
        Code = "Unknown";
        Details = [];
    }

    public Route53Exception(string code, int statusCode, IReadOnlyList<string> details, string message)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
        Details = details;
    }

    /// <summary>Route53's error code, e.g. InvalidChangeBatch, AccessDenied, Throttling.</summary>
    public string Code { get; }

    /// <summary>HTTP status of the answer.</summary>
    public int StatusCode { get; }

    /// <summary>Route53's own messages (one per rejected change for InvalidChangeBatch).</summary>
    public IReadOnlyList<string> Details { get; }

    /// <summary>True for errors that go away by waiting: throttling, a change still in progress, server errors.</summary>
    public bool IsTransient =>
        StatusCode >= 500 || StatusCode == 429 || Code is "Throttling" or "ThrottlingException" or "PriorRequestNotComplete" or "RequestLimitExceeded" or "ServiceUnavailable";
}
