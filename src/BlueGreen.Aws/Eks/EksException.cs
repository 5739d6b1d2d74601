namespace BlueGreen.Aws.Eks;

/// <summary>An error EKS answered (or a failure to reach it), with a sentence that says what to do.</summary>
public sealed class EksException : Exception
{
    public EksException()
    {
    }

    public EksException(string message)
        : base(message)
    {
    }

    public EksException(string message, Exception innerException)
        : base(message, innerException)
    {
    }

    public EksException(string code, int statusCode, string message)
        : base(message)
    {
        Code = code;
        StatusCode = statusCode;
    }

    /// <summary>EKS's error type, e.g. ResourceNotFoundException.</summary>
    public string Code { get; } = string.Empty;

    /// <summary>The HTTP status; 0 when nothing answered.</summary>
    public int StatusCode { get; }

    /// <summary>True for errors that go away by waiting: throttling and server errors.</summary>
    public bool IsTransient => StatusCode >= 500 || StatusCode == 429 || Code is "ThrottlingException" or "ServiceUnavailableException";
}
