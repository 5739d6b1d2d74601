using Amazon.CDK;
using BlueGreen.Infrastructure.Ci;
using BlueGreen.Infrastructure.Clusters;
using BlueGreen.Infrastructure.Common;

namespace BlueGreen.Infrastructure;

/// <summary>An environment's CDK app and its stacks, before synthesis.</summary>
public sealed record InfrastructureStacks(App App, CommonStack Common, CiStack Ci, IReadOnlyList<ClusterStack> Clusters);
