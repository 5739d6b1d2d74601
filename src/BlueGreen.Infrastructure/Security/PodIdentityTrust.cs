using Amazon.CDK;
using Amazon.CDK.AWS.IAM;

namespace BlueGreen.Infrastructure.Security;

/// <summary>The trust of a role that EKS Pod Identity hands to pods: the pods service, session tags, this account's clusters only.</summary>
public static class PodIdentityTrust
{
    /// <summary>The service that assumes Pod Identity roles on behalf of pods.</summary>
    public const string PodsPrincipal = "pods.eks.amazonaws.com";

    // Pod Identity tags the session with cluster, namespace and service account, so the trust needs sts:TagSession
    // beside sts:AssumeRole; the account condition keeps clusters of other accounts from being handed the role.
    public static IPrincipal Principal() =>
        new PrincipalWithConditions(new SessionTagsPrincipal(new ServicePrincipal(PodsPrincipal)), new Dictionary<string, object>
        {
            ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID },
        });
}
