namespace BlueGreen.Aws.Clients;

/// <summary>What a Query-protocol client needs to know of one AWS service.</summary>
/// <param name="DisplayName">The service's name in messages, e.g. Elastic Load Balancing.</param>
/// <param name="EndpointPrefix">The first label of its regional endpoint, e.g. elasticloadbalancing.</param>
/// <param name="SigningName">The service of the SigV4 credential scope (CloudWatch signs as monitoring).</param>
/// <param name="IamPrefix">The prefix of its IAM actions, e.g. cloudwatch.</param>
/// <param name="ApiVersion">The Version parameter of every request.</param>
/// <param name="EnvironmentId">Its part of AWS_ENDPOINT_URL_&lt;SERVICE&gt;, e.g. ELASTIC_LOAD_BALANCING_V2.</param>
public sealed record AwsQueryService(string DisplayName, string EndpointPrefix, string SigningName, string IamPrefix, string ApiVersion, string EnvironmentId)
{
    /// <summary>Elastic Load Balancing v2 (application and network load balancers), API 2015-12-01.</summary>
    public static AwsQueryService ElasticLoadBalancingV2 { get; } = new("Elastic Load Balancing", "elasticloadbalancing", "elasticloadbalancing", "elasticloadbalancing", "2015-12-01", "ELASTIC_LOAD_BALANCING_V2");

    /// <summary>CloudWatch (metrics and alarms), API 2010-08-01.</summary>
    public static AwsQueryService CloudWatch { get; } = new("CloudWatch", "monitoring", "monitoring", "cloudwatch", "2010-08-01", "CLOUDWATCH");
}
