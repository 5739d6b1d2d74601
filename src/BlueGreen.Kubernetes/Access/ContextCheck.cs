using System.Net;
using System.Text.RegularExpressions;
using BlueGreen.Core.Text;
using k8s;
using k8s.Autorest;

namespace BlueGreen.Kubernetes.Access;

/// <summary>Whether a kubeconfig context reaches its cluster, and which Kubernetes version the cluster runs.</summary>
public static partial class ContextCheck
{
    /// <summary>The outcome: reachable or not, the server's minor version (e.g. "1.33") when known, and a sentence.</summary>
    public sealed record Outcome(bool Reachable, string? ServerVersion, string Detail);

    /// <summary>Asks the API server for /version through <paramref name="context"/>.</summary>
    public static async Task<Outcome> CheckAsync(IKubernetesClientFactory clients, string context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(clients);
        try
        {
            using var client = clients.Create(context);
            var info = await client.Version.GetCodeAsync(cancellationToken).ConfigureAwait(false);
            var minor = MinorDigits().Match(info.Minor ?? string.Empty).Value;
            var version = $"{info.Major}.{minor}";
            return new Outcome(true, version, $"context {context} reaches Kubernetes {info.GitVersion}");
        }
        catch (KubeconfigException e)
        {
            return new Outcome(false, null, e.Message);
        }
        catch (HttpOperationException e) when (e.Response.StatusCode is HttpStatusCode.Unauthorized or HttpStatusCode.Forbidden)
        {
            return new Outcome(false, null, $"context {context} was refused ({(int)e.Response.StatusCode}): check the EKS access entry of your IAM principal and that `aws eks get-token` works.");
        }
        catch (HttpOperationException e)
        {
            return new Outcome(false, null, $"context {context}: the API server answered {(int)e.Response.StatusCode} to GET /version.");
        }
        catch (HttpRequestException e)
        {
            return new Outcome(false, null, $"context {context} does not reach its cluster: {e.Message}");
        }
        catch (Exception e) when (e is k8s.Exceptions.KubeConfigException or System.ComponentModel.Win32Exception)
        {
            // The exec credential plugin (aws eks get-token) is missing or failed.
            return new Outcome(false, null, $"context {context} could not get a token: {Sentences.Clause(e.Message)}. Check that the AWS CLI is installed and `aws eks get-token --cluster-name <cluster>` works.");
        }
    }

    // EKS reports minors such as "33+".
    [GeneratedRegex("^[0-9]+")]
    private static partial Regex MinorDigits();
}
