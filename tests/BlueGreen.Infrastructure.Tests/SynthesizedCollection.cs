[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace BlueGreen.Infrastructure.Tests;

/// <summary>
/// Every test class that reads synthesized templates joins this collection, so each configuration
/// is synthesized once per run (each synthesis drives the CDK's JavaScript runtime).
/// </summary>
[CollectionDefinition(Name)]
public sealed class SynthesizedCollection : ICollectionFixture<DefaultApp>, ICollectionFixture<AllOptionsApp>
{
    public const string Name = "synthesized";
}
