namespace BlueGreen.Sandbox.AwsEndpoint;

/// <summary>The AWS-compatible endpoint of a rehearsal cannot be started or used; the message says what to do.</summary>
public sealed class AwsEndpointException : Exception
{
    public AwsEndpointException()
    {
    }

    public AwsEndpointException(string message)
        : base(message)
    {
    }

    public AwsEndpointException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
