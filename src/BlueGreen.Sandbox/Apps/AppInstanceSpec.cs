namespace BlueGreen.Sandbox.Apps;

/// <summary>How to start one sample-app instance: the environment variables the real app reads.</summary>
public static class AppInstanceSpec
{
    /// <summary>The colour the app reports in X-Served-By.</summary>
    public const string ColourVariable = "BLUEGREEN_COLOUR";

    /// <summary>The Kubernetes version of the colour's cluster, which the app reports on /version.</summary>
    public const string VersionVariable = "BLUEGREEN_KUBERNETES_VERSION";

    public const string TableVariable = "BLUEGREEN_TABLE_NAME";

    public const string PartitionKeyVariable = "BLUEGREEN_PARTITION_KEY";

    /// <summary>How long the app reports not-ready after SIGTERM while it still serves.</summary>
    public const string ShutdownDelayVariable = "BLUEGREEN_SHUTDOWN_DELAY";

    /// <summary>The environment of one instance: its colour and version, its table and the database's client settings.</summary>
    public static Dictionary<string, string> Environment(
        string colour, string version, string tableName, string partitionKey, IReadOnlyDictionary<string, string> database)
    {
        ArgumentNullException.ThrowIfNull(database);
        return new Dictionary<string, string>(database)
        {
            [ColourVariable] = colour,
            [VersionVariable] = version,
            [TableVariable] = tableName,
            [PartitionKeyVariable] = partitionKey,

            // The sandbox stops a colour's load balancer before its instances, so nobody is
            // routed to an instance that is shutting down and the app's grace delay is not needed.
            [ShutdownDelayVariable] = "0s",
            ["ASPNETCORE_ENVIRONMENT"] = "Production",

            // Several instances share two cores: workstation GC keeps each one's threads and heap small.
            ["DOTNET_gcServer"] = "0",
            ["Logging__LogLevel__Default"] = "Warning",
            ["Logging__LogLevel__Microsoft.Hosting.Lifetime"] = "Warning",
        };
    }
}
