using Amazon.Runtime;

namespace BlueGreen.Aws.Credentials;

/// <summary>Always the same credentials: for an AWS-compatible endpoint of one's own, which accepts any.</summary>
public sealed class FixedAwsCredentialSource(AWSCredentials credentials) : IAwsCredentialSource
{
    public Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken) => Task.FromResult<AWSCredentials?>(credentials);
}
