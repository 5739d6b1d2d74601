using BlueGreen.Core.Configuration;

namespace BlueGreen.Sandbox.Database;

/// <summary>How to start a local dynalite server and which table it serves.</summary>
public sealed record DynaliteOptions
{
    /// <summary>Port on 127.0.0.1; 0 lets the system pick a free one.</summary>
    public int Port { get; init; }

    public string TableName { get; init; } = "test-dynamodb";

    /// <summary>Partition key attribute name (type S) of the table.</summary>
    public string PartitionKey { get; init; } = "UserId";

    /// <summary>Region the clients sign for; dynalite accepts any.</summary>
    public string Region { get; init; } = "ap-northeast-1";

    /// <summary>How long to wait for the server to answer after the process starts.</summary>
    public TimeSpan StartTimeout { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How long <c>npm ci</c> may take when the packages are not installed yet.</summary>
    public TimeSpan InstallTimeout { get; init; } = TimeSpan.FromMinutes(5);

    /// <summary>The <c>tools/dynalite</c> directory; found by walking up from the application when null.</summary>
    public string? ToolDirectory { get; init; }

    /// <summary>Options for the table an environment's configuration names.</summary>
    public static DynaliteOptions For(DataConfig data, string region)
    {
        ArgumentNullException.ThrowIfNull(data);
        return new DynaliteOptions { TableName = data.TableName, PartitionKey = data.PartitionKey, Region = region };
    }
}
