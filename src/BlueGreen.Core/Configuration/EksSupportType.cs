namespace BlueGreen.Core.Configuration;

/// <summary>A cluster's EKS upgrade policy: what EKS does when the cluster's version leaves standard support.</summary>
public enum EksSupportType
{
    /// <summary>EKS upgrades the control plane in place at the end of standard support; no extended support charges.</summary>
    Standard,

    /// <summary>The cluster enters extended support (charged per cluster hour) and stays on its version; the EKS API default.</summary>
    Extended,
}
