namespace BlueGreen.Aws.LoadBalancing;

/// <summary>One Elastic Load Balancing v2 target group, as DescribeTargetGroups lists it.</summary>
/// <param name="Arn">e.g. arn:aws:elasticloadbalancing:eu-west-1:123456789012:targetgroup/k8s-app-sample-1a2b3c/6d0ecf831eec9f09.</param>
/// <param name="Name">The target group's name.</param>
public sealed record TargetGroup(string Arn, string Name);
