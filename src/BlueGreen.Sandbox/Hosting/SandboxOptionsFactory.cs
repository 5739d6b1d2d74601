using BlueGreen.Core.Configuration;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Faults;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>The sandbox an environment's configuration describes: its colours and versions, <c>sandbox.*</c> scale and load, its table.</summary>
public static class SandboxOptionsFactory
{
    public static SandboxOptions From(EnvironmentConfig config, IReadOnlyList<ColourFault> faults)
    {
        ArgumentNullException.ThrowIfNull(config);
        var sandbox = config.Sandbox;
        return new SandboxOptions
        {
            Colours = [.. config.Clusters.Select(c => (c.Colour, c.Version))],
            Live = config.Traffic.Live,
            Zone = sandbox.Zone,
            Ttl = sandbox.Ttl,
            Replicas = sandbox.Replicas,
            RequestRate = sandbox.RequestRate,
            Clients = sandbox.Clients,
            SeedItems = sandbox.SeedItems,
            WeightScale = config.Traffic.WeightScale,
            Database = DynaliteOptions.For(config.Data, config.Region),
            Faults = faults,
        };
    }
}
