using Amazon.CDK;
using BlueGreen.Infrastructure.Common;
using Constructs;

namespace BlueGreen.Infrastructure.Clusters;

/// <summary>
/// The common stack's values as a cluster stack reads them: CloudFormation parameters whose
/// defaults name SSM parameters, resolved at deploy time. No export, no import.
/// </summary>
public sealed class CommonInputs
{
    public CommonInputs(Construct scope, CommonParameters names)
    {
        PrivateSubnetIds = Read(scope, "PrivateSubnetIds", names.PrivateSubnetIds, "AWS::SSM::Parameter::Value<List<String>>");
        AppRoleArn = Read(scope, "AppRoleArn", names.AppRoleArn, "AWS::SSM::Parameter::Value<String>");
        LoadBalancerControllerRoleArn = Read(scope, "LoadBalancerControllerRoleArn", names.LoadBalancerControllerRoleArn, "AWS::SSM::Parameter::Value<String>");
        ExternalDnsRoleArn = Read(scope, "ExternalDnsRoleArn", names.ExternalDnsRoleArn, "AWS::SSM::Parameter::Value<String>");
    }

    public CfnParameter PrivateSubnetIds { get; }

    public CfnParameter AppRoleArn { get; }

    public CfnParameter LoadBalancerControllerRoleArn { get; }

    public CfnParameter ExternalDnsRoleArn { get; }

    private static CfnParameter Read(Construct scope, string id, string ssmName, string type) => new(scope, id, new CfnParameterProps
    {
        Type = type,
        Default = ssmName,
        Description = $"Read from the SSM parameter {ssmName}, which the common stack writes.",
    });
}
