using BlueGreen.Sandbox.Database;

namespace SampleApp.Tests.Hosting;

/// <summary>The environment a test gives the app: the database's client variables, a colour, and overrides.</summary>
internal static class AppEnvironment
{
    public const string Colour = "green";

    public static Dictionary<string, string> For(DynaliteServer database, params (string Name, string Value)[] overrides)
    {
        var environment = new Dictionary<string, string>(database.ClientEnvironment)
        {
            ["BLUEGREEN_COLOUR"] = Colour,
            ["BLUEGREEN_KUBERNETES_VERSION"] = "1.33",
            ["BLUEGREEN_TABLE_NAME"] = database.Options.TableName,
            ["BLUEGREEN_PARTITION_KEY"] = database.Options.PartitionKey,
            ["BLUEGREEN_SHUTDOWN_DELAY"] = "0s",
        };
        foreach (var (name, value) in overrides)
        {
            environment[name] = value;
        }

        return environment;
    }
}
