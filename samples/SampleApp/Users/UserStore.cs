using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using SampleApp.Settings;

namespace SampleApp.Users;

/// <summary>Reads users from the table through the process's one DynamoDB client.</summary>
internal sealed class UserStore(IAmazonDynamoDB client, AppSettings settings)
{
    /// <summary>Every item, following LastEvaluatedKey until the last page so none is lost.</summary>
    public async Task<List<Dictionary<string, AttributeValue>>> ScanAllAsync(CancellationToken cancellationToken)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? startKey = null;
        do
        {
            var response = await client.ScanAsync(
                new ScanRequest
                {
                    TableName = settings.TableName,
                    Limit = settings.ScanPageSize,
                    ExclusiveStartKey = startKey,
                },
                cancellationToken);
            items.AddRange(response.Items ?? []);
            startKey = response.LastEvaluatedKey is { Count: > 0 } next ? next : null;
        }
        while (startKey is not null);

        return items;
    }

    /// <summary>The item whose partition key is <paramref name="id"/>, or null.</summary>
    public async Task<Dictionary<string, AttributeValue>?> FindAsync(string id, CancellationToken cancellationToken)
    {
        var response = await client.GetItemAsync(
            new GetItemRequest
            {
                TableName = settings.TableName,
                Key = new() { [settings.PartitionKey] = new AttributeValue { S = id } },
            },
            cancellationToken);
        return response.Item is { Count: > 0 } item ? item : null;
    }

    /// <summary>Null when the table exists and is active; otherwise why it cannot serve.</summary>
    public async Task<string?> CheckTableAsync(CancellationToken cancellationToken)
    {
        var table = (await client.DescribeTableAsync(new DescribeTableRequest { TableName = settings.TableName }, cancellationToken)).Table;
        return table.TableStatus == TableStatus.ACTIVE || table.TableStatus == TableStatus.UPDATING
            ? null
            : $"table '{settings.TableName}' is {table.TableStatus}";
    }
}
