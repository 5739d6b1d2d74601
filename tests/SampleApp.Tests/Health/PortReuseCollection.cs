namespace SampleApp.Tests.Health;

/// <summary>
/// Tests that free a port and bind it again: they run alone, so no parallel test's server can take
/// the port in between.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PortReuseCollection
{
    public const string Name = "port reuse";
}
