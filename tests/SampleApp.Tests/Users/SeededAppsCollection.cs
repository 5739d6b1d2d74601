namespace SampleApp.Tests.Users;

/// <summary>Test classes that share <see cref="SeededApps"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SeededAppsCollection : ICollectionFixture<SeededApps>
{
    public const string Name = "seeded apps";
}
