namespace BlueGreen.Sandbox.Load;

/// <summary>How a request ended.</summary>
public enum RequestOutcome
{
    /// <summary>A 2xx-4xx answer.</summary>
    Ok,

    /// <summary>A 5xx answer.</summary>
    ServerError,

    /// <summary>The connection failed (refused, reset).</summary>
    ConnectionError,

    /// <summary>No answer within the request timeout.</summary>
    Timeout,

    /// <summary>The name did not resolve to any address, so no request could be sent.</summary>
    NoAddress,
}
