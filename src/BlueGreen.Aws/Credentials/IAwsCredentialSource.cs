using Amazon.Runtime;

namespace BlueGreen.Aws.Credentials;

/// <summary>Finds AWS credentials, or says there are none (so AWS-only work can be skipped rather than failed).</summary>
public interface IAwsCredentialSource
{
    /// <summary>The credentials of the default chain, or null when the chain finds none.</summary>
    Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken);
}
