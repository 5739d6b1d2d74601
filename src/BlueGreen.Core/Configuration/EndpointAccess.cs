namespace BlueGreen.Core.Configuration;

/// <summary>Where a cluster's Kubernetes API endpoint can be reached from.</summary>
public enum EndpointAccess
{
    /// <summary>The public endpoint (limited to <c>publicAccessCidrs</c>) and the private one inside the VPC.</summary>
    Public,

    /// <summary>The private endpoint only: kubectl and bluegreen must run inside the VPC or a network joined to it.</summary>
    Private,
}
