namespace BlueGreen.Core.Configuration;

/// <summary>The DynamoDB table both colours share.</summary>
public sealed record DataConfig
{
    public required string TableName { get; init; }

    /// <summary>Partition key attribute name (type S).</summary>
    public string PartitionKey { get; init; } = "UserId";

    public bool PointInTimeRecovery { get; init; } = true;
}
