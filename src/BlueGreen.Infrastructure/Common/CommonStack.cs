using Amazon.CDK;
using Amazon.CDK.AWS.DynamoDB;
using Amazon.CDK.AWS.EC2;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.S3;
using Amazon.CDK.AWS.SSM;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Security;
using Constructs;

namespace BlueGreen.Infrastructure.Common;

/// <summary>
/// What outlives every cluster: network, DNS, certificate, the shared table, the shared Pod
/// Identity roles and the cutover engine's journal bucket, published to clusters through SSM.
/// </summary>
public sealed class CommonStack : Stack
{
    public CommonStack(Construct scope, EnvironmentConfig config, IStackProps props)
        : base(scope, StackNames.Common(config.Environment), props)
    {
        Network = new Network(this, "Network", config.Environment, config.Region, config.Network);
        Dns = new Dns(this, "Dns", config.Dns);

        Table = new Table(this, "Table", new TableProps
        {
            TableName = config.Data.TableName,
            PartitionKey = new Amazon.CDK.AWS.DynamoDB.Attribute { Name = config.Data.PartitionKey, Type = AttributeType.STRING },
            BillingMode = BillingMode.PAY_PER_REQUEST,
            PointInTimeRecovery = config.Data.PointInTimeRecovery,
            RemovalPolicy = RemovalPolicy.RETAIN,
            // Retain covers a stack deletion; deletion protection also stops a DeleteTable by hand or by another tool.
            DeletionProtection = true,
        });

        Roles = new PodIdentityRoles(this, "PodIdentity", Table, Dns.Zone, config.Dns.ZoneName);

        // The cutover engine's journal and lock: versions keep every journal state a crash could need.
        JournalBucket = SecureBuckets.Create(this, "Journal", versioned: true);

        if (config.Network.FlowLogs)
        {
            FlowLogBucket = SecureBuckets.Create(this, "FlowLogs", versioned: false,
            [
                new Amazon.CDK.AWS.S3.LifecycleRule { Id = "expire-flow-logs", Expiration = Amazon.CDK.Duration.Days(FlowLogDays) },
            ]);
            // The log delivery service writes as itself; the statements are the ones AWS would otherwise add to the
            // bucket policy behind CloudFormation's back (VPC User Guide, "Flow logs: permissions for S3").
            var delivery = new ServicePrincipal("delivery.logs.amazonaws.com");
            var sameAccount = new Dictionary<string, object> { ["StringEquals"] = new Dictionary<string, object> { ["aws:SourceAccount"] = Aws.ACCOUNT_ID } };
            FlowLogBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "FlowLogDeliveryWrite",
                Principals = [delivery],
                Actions = ["s3:PutObject"],
                Resources = [FlowLogBucket.ArnForObjects($"AWSLogs/{Aws.ACCOUNT_ID}/*")],
                Conditions = sameAccount,
            }));
            FlowLogBucket.AddToResourcePolicy(new PolicyStatement(new PolicyStatementProps
            {
                Sid = "FlowLogDeliveryCheck",
                Principals = [delivery],
                Actions = ["s3:GetBucketAcl", "s3:ListBucket"],
                Resources = [FlowLogBucket.BucketArn],
                Conditions = sameAccount,
            }));
            FlowLog = new CfnFlowLog(this, "FlowLog", new CfnFlowLogProps
            {
                ResourceId = Network.Vpc.Ref,
                ResourceType = "VPC",
                TrafficType = "ALL",
                LogDestinationType = "s3",
                LogDestination = FlowLogBucket.BucketArn,
            });
            FlowLog.Node.AddDependency(FlowLogBucket.Policy!);
        }

        Parameters = new CommonParameters(config.Environment);
        Publish("VpcId", Parameters.VpcId, Network.Vpc.Ref, "VPC of the environment.");
        Publish("ZoneId", Parameters.ZoneId, Dns.Zone.HostedZoneId, "Id of the subdomain zone.");
        Publish("ZoneName", Parameters.ZoneName, config.Dns.ZoneName, "Name of the subdomain zone, also the service hostname.");
        Publish("CertificateArn", Parameters.CertificateArn, Dns.Certificate.CertificateArn, "Certificate for the subdomain and its wildcard.");
        Publish("TableName", Parameters.TableName, Table.TableName, "The shared DynamoDB table.");
        Publish("JournalBucket", Parameters.JournalBucket, JournalBucket.BucketName, "Bucket of the cutover journal and lock.");
        Publish("AppRoleArn", Parameters.AppRoleArn, Roles.App.RoleArn, "Pod Identity role of app/app-sa.");
        Publish("LoadBalancerControllerRoleArn", Parameters.LoadBalancerControllerRoleArn, Roles.LoadBalancerController.RoleArn, "Pod Identity role of kube-system/aws-load-balancer-controller.");
        Publish("ExternalDnsRoleArn", Parameters.ExternalDnsRoleArn, Roles.ExternalDns.RoleArn, "Pod Identity role of external-dns/external-dns.");

        var subnetIds = Network.PrivateSubnets.Select(s => s.Ref).ToArray();
        _ = new StringListParameter(this, "PrivateSubnetIdsParameter", new StringListParameterProps
        {
            ParameterName = Parameters.PrivateSubnetIds,
            StringListValue = subnetIds,
            Description = "Private subnets of the environment, in availability-zone order.",
        });
        _ = new CfnOutput(this, "PrivateSubnetIds", new CfnOutputProps { Value = Fn.Join(",", subnetIds), Description = "Private subnets of the environment, in availability-zone order." });
    }

    public Network Network { get; }

    public Dns Dns { get; }

    public Table Table { get; }

    public PodIdentityRoles Roles { get; }

    public Bucket JournalBucket { get; }

    /// <summary>Days a flow log object is kept.</summary>
    public const int FlowLogDays = 90;

    /// <summary>Where the VPC's flow logs go, when <c>network.flowLogs</c> is on.</summary>
    public Bucket? FlowLogBucket { get; }

    public CfnFlowLog? FlowLog { get; }

    public CommonParameters Parameters { get; }

    // An SSM parameter for cluster stacks and an output for people; neither is an export, so
    // nothing in another stack can block a change here.
    private void Publish(string id, string name, string value, string description)
    {
        _ = new StringParameter(this, id + "Parameter", new StringParameterProps
        {
            ParameterName = name,
            StringValue = value,
            Description = description,
        });
        _ = new CfnOutput(this, id, new CfnOutputProps { Value = value, Description = description });
    }
}
