namespace BlueGreen.GitOps.Rendering;

/// <summary>Names the common stack gives network resources so that cluster add-ons can find them without ids.</summary>
public static class NetworkNaming
{
    /// <summary>The VPC's Name tag, <c>&lt;environment&gt;-vpc</c>; the load balancer controller discovers the VPC by it.</summary>
    public static string VpcName(string environment) => $"{environment}-vpc";
}
