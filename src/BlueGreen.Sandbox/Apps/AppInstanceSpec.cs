using System.Globalization;

namespace BlueGreen.Sandbox.Apps;

/// <summary>How to start one sample-app instance: the environment the real app reads.</summary>
public static class AppInstanceSpec
{
    /// <summary>The colour the app reports in X-Served-By.</summary>
    public const string ColourVariable = "BLUEGREEN_COLOUR";

    /// <summary>The version (the colour's Kubernetes version) the app reports.</summary>
    public const string VersionVariable = "BLUEGREEN_VERSION";

    /// <summary>The instance number the app reports.</summary>
    public const string InstanceVariable = "BLUEGREEN_INSTANCE";

    /// <summary>The table the app reads.</summary>
    public const string TableVariable = "BLUEGREEN_TABLE";

    /// <summary>The environment of one instance: its identity, its table and the database's client settings.</summary>
    public static Dictionary<string, string> Environment(
        string colour, string version, int index, string tableName, IReadOnlyDictionary<string, string> database)
    {
        ArgumentNullException.ThrowIfNull(database);
        var environment = new Dictionary<string, string>(database)
        {
            [ColourVariable] = colour,
            [VersionVariable] = version,
            [InstanceVariable] = index.ToString(CultureInfo.InvariantCulture),
            [TableVariable] = tableName,
            ["ASPNETCORE_ENVIRONMENT"] = "Production",
            ["Logging__LogLevel__Default"] = "Warning",
        };
        return environment;
    }
}
