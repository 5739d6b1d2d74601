using Amazon.Runtime;
using Amazon.Runtime.Credentials;

namespace BlueGreen.Aws.Credentials;

/// <summary>
/// AWSSDK.Core's default chain (environment, profile, SSO, web identity, container, instance metadata),
/// as every AWS SDK and the CLI use it. Set AWS_EC2_METADATA_DISABLED=true where instance metadata must not be asked.
/// </summary>
public sealed class DefaultAwsCredentialSource : IAwsCredentialSource
{
    public async Task<AWSCredentials?> TryResolveAsync(CancellationToken cancellationToken)
    {
        try
        {
            var credentials = await DefaultAWSCredentialsIdentityResolver.GetCredentialsAsync(null).ConfigureAwait(false);

            // Resolve now so "no credentials" shows here, not on the first request.
            await credentials.GetCredentialsAsync().ConfigureAwait(false);
            return credentials;
        }
        catch (AmazonClientException)
        {
            return null;
        }
    }
}
