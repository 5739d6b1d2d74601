namespace BlueGreen.Infrastructure.Tests;

/// <summary>
/// The reviewed list of actions that may be granted on Resource "*", each with the policy that
/// may hold it and the reason. Anything else on "*" fails the least-privilege tests.
/// </summary>
internal static class WildcardGrants
{
    private const string LoadBalancerController = "LoadBalancerControllerPolicy";

    private const string NoResourceType = "The Service Authorization Reference lists no resource type for this action, so IAM accepts only '*'.";

    private const string ControllerDiscovery =
        "Published AWS Load Balancer Controller v2.13 policy, kept verbatim: read-only discovery of the VPC, subnets, security groups, instances and load balancers the controller reconciles; the publisher grants it on '*'.";

    private const string ControllerRuntimeResources =
        "Published AWS Load Balancer Controller v2.13 policy, kept verbatim: the controller creates and names load balancers, target groups, listeners, rules and security groups at run time, so no ARN exists to name beforehand; where the controller has tagged what it owns, the policy adds an elbv2.k8s.aws/cluster tag condition.";

    private const string ControllerIngressAddons =
        "Published AWS Load Balancer Controller v2.13 policy, kept verbatim: certificates, WAF web ACLs, Shield protections and Cognito clients are named by Ingress annotations at run time.";

    private const string ServiceLinkedRole =
        "Published AWS Load Balancer Controller v2.13 policy: creates the Elastic Load Balancing service-linked role, which does not exist before; the iam:AWSServiceName condition allows that one role only.";

    public static readonly IReadOnlyList<WildcardGrant> All =
    [
        new("ecr:GetAuthorizationToken", "BuildRole", NoResourceType + " The token opens the registry; pushes are limited to the one repository by the other statement."),
        new("route53:ListHostedZones", "ExternalDnsRole", NoResourceType + " ExternalDNS lists zones to find the subdomain zone by its name."),
        new("iam:CreateServiceLinkedRole", LoadBalancerController, ServiceLinkedRole),
        .. Controller(ControllerDiscovery,
            "ec2:DescribeAccountAttributes", "ec2:DescribeAddresses", "ec2:DescribeAvailabilityZones", "ec2:DescribeInternetGateways",
            "ec2:DescribeVpcs", "ec2:DescribeVpcPeeringConnections", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
            "ec2:DescribeInstances", "ec2:DescribeNetworkInterfaces", "ec2:DescribeTags", "ec2:GetCoipPoolUsage", "ec2:DescribeCoipPools",
            "ec2:GetSecurityGroupsForVpc", "ec2:DescribeIpamPools", "ec2:DescribeRouteTables",
            "elasticloadbalancing:DescribeLoadBalancers", "elasticloadbalancing:DescribeLoadBalancerAttributes", "elasticloadbalancing:DescribeListeners",
            "elasticloadbalancing:DescribeListenerCertificates", "elasticloadbalancing:DescribeSSLPolicies", "elasticloadbalancing:DescribeRules",
            "elasticloadbalancing:DescribeTargetGroups", "elasticloadbalancing:DescribeTargetGroupAttributes", "elasticloadbalancing:DescribeTargetHealth",
            "elasticloadbalancing:DescribeTags", "elasticloadbalancing:DescribeTrustStores", "elasticloadbalancing:DescribeListenerAttributes",
            "elasticloadbalancing:DescribeCapacityReservation"),
        .. Controller(ControllerIngressAddons,
            "cognito-idp:DescribeUserPoolClient", "acm:ListCertificates", "acm:DescribeCertificate", "iam:ListServerCertificates", "iam:GetServerCertificate",
            "waf-regional:GetWebACL", "waf-regional:GetWebACLForResource", "waf-regional:AssociateWebACL", "waf-regional:DisassociateWebACL",
            "wafv2:GetWebACL", "wafv2:GetWebACLForResource", "wafv2:AssociateWebACL", "wafv2:DisassociateWebACL",
            "shield:GetSubscriptionState", "shield:DescribeProtection", "shield:CreateProtection", "shield:DeleteProtection",
            "elasticloadbalancing:SetWebAcl", "elasticloadbalancing:AddListenerCertificates", "elasticloadbalancing:RemoveListenerCertificates"),
        .. Controller(ControllerRuntimeResources,
            "ec2:AuthorizeSecurityGroupIngress", "ec2:RevokeSecurityGroupIngress", "ec2:CreateSecurityGroup", "ec2:DeleteSecurityGroup",
            "elasticloadbalancing:CreateLoadBalancer", "elasticloadbalancing:CreateTargetGroup",
            "elasticloadbalancing:CreateListener", "elasticloadbalancing:DeleteListener", "elasticloadbalancing:CreateRule", "elasticloadbalancing:DeleteRule",
            "elasticloadbalancing:ModifyLoadBalancerAttributes", "elasticloadbalancing:SetIpAddressType", "elasticloadbalancing:SetSecurityGroups",
            "elasticloadbalancing:SetSubnets", "elasticloadbalancing:DeleteLoadBalancer", "elasticloadbalancing:ModifyTargetGroup",
            "elasticloadbalancing:ModifyTargetGroupAttributes", "elasticloadbalancing:DeleteTargetGroup", "elasticloadbalancing:ModifyListenerAttributes",
            "elasticloadbalancing:ModifyCapacityReservation", "elasticloadbalancing:ModifyIpPools",
            "elasticloadbalancing:ModifyListener", "elasticloadbalancing:ModifyRule", "elasticloadbalancing:SetRulePriorities"),
    ];

    /// <summary>The AWS managed policies attached anywhere, each reviewed: the standard EKS cluster and node policies.</summary>
    public static readonly IReadOnlyDictionary<string, string> ManagedPolicies = new Dictionary<string, string>
    {
        ["AmazonEKSClusterPolicy"] = "What the EKS control plane needs to manage its ENIs, load balancers and logs; required for a cluster role.",
        ["AmazonEKSWorkerNodePolicy"] = "Lets a node find and join its cluster; required for managed node groups.",
        ["AmazonEKS_CNI_Policy"] = "The VPC CNI on the node assigns pod IPs on the node's ENIs; required while the CNI runs with the node role.",
        ["AmazonEC2ContainerRegistryPullOnly"] = "Image pulls only (no describe or list), the narrowest ECR policy for nodes.",
    };

    private static IEnumerable<WildcardGrant> Controller(string reason, params string[] actions) =>
        actions.Select(action => new WildcardGrant(action, LoadBalancerController, reason));
}
