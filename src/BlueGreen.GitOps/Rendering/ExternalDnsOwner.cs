using BlueGreen.Core.Configuration;

namespace BlueGreen.GitOps.Rendering;

/// <summary>The ExternalDNS owner id the tree gives a colour, for those who must recognise its records (teardown, preflight).</summary>
public static class ExternalDnsOwner
{
    /// <summary>Distinct per cluster, so no cluster ever adopts or deletes another's records: <c>&lt;environment&gt;-&lt;colour&gt;</c>.</summary>
    public static string IdOf(EnvironmentConfig config, string colour)
    {
        ArgumentNullException.ThrowIfNull(config);
        return $"{config.Environment}-{colour}";
    }
}
