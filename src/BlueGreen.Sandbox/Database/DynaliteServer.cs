using System.Diagnostics;
using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;

namespace BlueGreen.Sandbox.Database;

/// <summary>
/// A dynalite server (in memory, on 127.0.0.1) in a child node process that exits when this process
/// closes its standard input, so it is gone after <see cref="StopAsync"/>, after a failed test and
/// after this process is killed.
/// </summary>
public sealed class DynaliteServer : IAsyncDisposable
{
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(5);

    private readonly Process _process;
    private readonly AmazonDynamoDBClient _client;
    private int _stopped;

    private DynaliteServer(Process process, int port, DynaliteOptions options)
    {
        _process = process;
        Port = port;
        Options = options;
        ProcessId = process.Id;
        Endpoint = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}"));
        _client = CreateClient();
    }

    /// <summary>Base address, e.g. <c>http://127.0.0.1:43117</c>.</summary>
    public Uri Endpoint { get; }

    public int Port { get; }

    /// <summary>Process id of the node process that serves the database.</summary>
    public int ProcessId { get; }

    public DynaliteOptions Options { get; }

    /// <summary>
    /// Environment for a process that should use this database through the default AWS SDK chain:
    /// the service-specific endpoint variable, the region and dummy credentials (dynalite checks none).
    /// The EC2 metadata service is switched off so the SDK never looks beyond the loopback network.
    /// </summary>
    public IReadOnlyDictionary<string, string> ClientEnvironment => new Dictionary<string, string>
    {
        ["AWS_ENDPOINT_URL_DYNAMODB"] = Endpoint.ToString().TrimEnd('/'),
        ["AWS_REGION"] = Options.Region,
        ["AWS_ACCESS_KEY_ID"] = "local",
        ["AWS_SECRET_ACCESS_KEY"] = "local",
        ["AWS_EC2_METADATA_DISABLED"] = "true",
    };

    /// <summary>Installs the packages if needed, starts the server and waits until it answers.</summary>
    public static async Task<DynaliteServer> StartAsync(DynaliteOptions options, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Port is < 0 or > 65535)
        {
            throw new DynaliteException($"The dynalite port must be from 0 to 65535, got {options.Port}.");
        }

        var node = ExecutableSearch.Require("node");
        var toolDirectory = options.ToolDirectory ?? DynaliteToolLocator.Find();
        await NpmInstaller.EnsureInstalledAsync(toolDirectory, options.InstallTimeout, cancellationToken).ConfigureAwait(false);

        var launched = await DynaliteProcess.LaunchAsync(node, toolDirectory, options, cancellationToken).ConfigureAwait(false);
        var server = new DynaliteServer(launched.Process, launched.Port, options);
        try
        {
            await server.WaitUntilAnsweringAsync(cancellationToken).ConfigureAwait(false);
            return server;
        }
        catch
        {
            await server.DisposeAsync().ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>A client bound to this server with dummy credentials; the caller disposes it.</summary>
    public AmazonDynamoDBClient CreateClient() => new(
        new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = Endpoint.ToString(), AuthenticationRegion = Options.Region });

    /// <summary>Creates the table (on-demand, partition key from the options) and waits until it is active.</summary>
    public async Task CreateTableAsync(string? tableName = null, CancellationToken cancellationToken = default)
    {
        var name = tableName ?? Options.TableName;
        await _client.CreateTableAsync(
            new CreateTableRequest
            {
                TableName = name,
                BillingMode = BillingMode.PAY_PER_REQUEST,
                AttributeDefinitions = [new AttributeDefinition(Options.PartitionKey, ScalarAttributeType.S)],
                KeySchema = [new KeySchemaElement(Options.PartitionKey, KeyType.HASH)],
            },
            cancellationToken).ConfigureAwait(false);

        var deadline = Stopwatch.StartNew();
        while (true)
        {
            var described = await _client.DescribeTableAsync(name, cancellationToken).ConfigureAwait(false);
            if (described.Table.TableStatus == TableStatus.ACTIVE)
            {
                return;
            }

            if (deadline.Elapsed > Options.StartTimeout)
            {
                throw new DynaliteException($"Table '{name}' was still {described.Table.TableStatus} after {Options.StartTimeout.TotalSeconds:0} s.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(20), cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>Writes items 1..count of <see cref="SeedItems"/> into the table.</summary>
    public async Task SeedAsync(int count, string? tableName = null, CancellationToken cancellationToken = default)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(count);
        var name = tableName ?? Options.TableName;
        const int BatchLimit = 25;
        for (var first = 1; first <= count; first += BatchLimit)
        {
            var last = Math.Min(count, first + BatchLimit - 1);
            var writes = Enumerable.Range(first, last - first + 1)
                .Select(index => new WriteRequest(new PutRequest(SeedItems.Create(Options.PartitionKey, index))))
                .ToList();
            var pending = new Dictionary<string, List<WriteRequest>> { [name] = writes };
            while (pending.Count > 0)
            {
                var response = await _client.BatchWriteItemAsync(pending, cancellationToken).ConfigureAwait(false);
                pending = response.UnprocessedItems is { Count: > 0 } unprocessed ? unprocessed : [];
            }
        }
    }

    /// <summary>Creates the table and seeds <paramref name="count"/> items.</summary>
    public async Task CreateTableAndSeedAsync(int count, string? tableName = null, CancellationToken cancellationToken = default)
    {
        await CreateTableAsync(tableName, cancellationToken).ConfigureAwait(false);
        await SeedAsync(count, tableName, cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Stops the server: closes its input (it exits), then kills it if it lingers.</summary>
    public async Task StopAsync()
    {
        if (Interlocked.Exchange(ref _stopped, 1) == 1)
        {
            return;
        }

        _client.Dispose();
        try
        {
            if (!_process.HasExited)
            {
                _process.StandardInput.Close();
                using var grace = new CancellationTokenSource(StopGrace);
                try
                {
                    await _process.WaitForExitAsync(grace.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException)
                {
                    _process.Kill(entireProcessTree: true);
                    await _process.WaitForExitAsync(CancellationToken.None).ConfigureAwait(false);
                }
            }
        }
        finally
        {
            _process.Dispose();
        }
    }

    public async ValueTask DisposeAsync() => await StopAsync().ConfigureAwait(false);

    private async Task WaitUntilAnsweringAsync(CancellationToken cancellationToken)
    {
        var deadline = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await _client.ListTablesAsync(new ListTablesRequest(), cancellationToken).ConfigureAwait(false);
                return;
            }
            catch (Exception error) when (error is AmazonServiceException or HttpRequestException && deadline.Elapsed < Options.StartTimeout)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(50), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception error) when (error is AmazonServiceException or HttpRequestException)
            {
                throw new DynaliteException(
                    $"dynalite on {Endpoint} did not answer within {Options.StartTimeout.TotalSeconds:0} s: {error.Message}", error);
            }
        }
    }
}
