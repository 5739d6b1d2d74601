namespace BlueGreen.Aws.Route53;

/// <summary>Tells which load balancer a colour's weighted record points at (its Ingress's ALB).</summary>
public interface IAliasTargetSource
{
    Task<AliasTarget> GetAsync(string colour, CancellationToken cancellationToken);
}
