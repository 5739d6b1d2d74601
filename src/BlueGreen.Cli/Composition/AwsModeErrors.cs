using Amazon.Runtime;
using BlueGreen.Aws.Route53;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Kubernetes.Access;
using k8s.Autorest;

namespace BlueGreen.Cli.Composition;

/// <summary>Failures of AWS and Kubernetes calls that a person can act on: reported as a sentence, never a stack trace.</summary>
public static class AwsModeErrors
{
    public static bool IsExpected(Exception e) =>
        e is Route53Exception or JournalCorruptException or JournalConflictException or LockException or KubeconfigException
            or AmazonServiceException or AmazonClientException or HttpRequestException or HttpOperationException
            or InvalidOperationException or TimeoutException or Aws.Clients.AwsQueryException or Aws.Eks.EksException;

    public static string Describe(Exception e) => e switch
    {
        AmazonServiceException aws => $"AWS answered {(int)aws.StatusCode} {aws.ErrorCode}: {aws.Message}",
        HttpOperationException kubernetes => $"The Kubernetes API answered {(int)kubernetes.Response.StatusCode} to {kubernetes.Request.Method} {kubernetes.Request.RequestUri?.AbsolutePath}: {kubernetes.Response.Content}",
        HttpRequestException network => $"A request failed on the network: {network.Message} Check connectivity, the region and any AWS_ENDPOINT_URL variables.",
        _ => e.Message,
    };
}
