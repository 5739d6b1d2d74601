namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// End-to-end scenarios each run a whole sandbox (about ten processes); they run one after
/// another so two cores are never shared between two sandboxes.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class EndToEndCollection
{
    public const string Name = "end-to-end";
}
