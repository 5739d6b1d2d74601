using Amazon.DynamoDBv2;
using SampleApp.Settings;

namespace SampleApp.Users;

/// <summary>
/// Builds the process's one DynamoDB client. Region, credentials (including EKS Pod Identity) and
/// endpoint come from the SDK's default chains, so <c>AWS_ENDPOINT_URL_DYNAMODB</c> or
/// <c>AWS_ENDPOINT_URL</c> selects a local database without any switch of ours.
/// </summary>
internal static class DynamoDbClients
{
    public static AmazonDynamoDBClient Create(AppSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        return new AmazonDynamoDBClient(new AmazonDynamoDBConfig { Timeout = settings.DatabaseTimeout });
    }
}
