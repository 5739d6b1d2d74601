using System.Globalization;
using System.Net;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Sandbox.Database;
using SampleApp.Bench;

// Load benchmark of the sample app against dynalite: start-up time to readiness, then GET /,
// GET /users/{id}, and dynalite's own GetItem, each at the same fixed concurrency and duration.
var options = BenchOptions.Parse(args, Console.Error);
if (options is null)
{
    return 2;
}

await using var database = await DynaliteServer.StartAsync(new DynaliteOptions());
await database.CreateTableAndSeedAsync(options.Items);
var environment = new Dictionary<string, string>(database.ClientEnvironment)
{
    ["BLUEGREEN_COLOUR"] = "blue",
    ["BLUEGREEN_TABLE_NAME"] = database.Options.TableName,
    ["BLUEGREEN_SHUTDOWN_DELAY"] = "0s",
};

var startups = new List<TimeSpan>();
for (var i = 0; i < options.StartupSamples; i++)
{
    await using var sample = await AppUnderTest.StartAsync(environment);
    startups.Add(sample.StartedIn);
}

await using var app = await AppUnderTest.StartAsync(environment);
using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency };
using var http = new HttpClient(handler) { BaseAddress = app.BaseAddress };
using var dynamo = database.CreateClient();
var dice = Enumerable.Range(0, options.Concurrency).Select(worker => new Random(1000 + worker)).ToArray();
string RandomId(int worker) => SeedItems.IdOf(dice[worker].Next(1, options.Items + 1));

async Task<bool> GetAll(int worker, long sequence)
{
    using var response = await http.GetAsync(new Uri("/", UriKind.Relative));
    await response.Content.LoadIntoBufferAsync();
    return response.StatusCode == HttpStatusCode.OK;
}

async Task<bool> GetUser(int worker, long sequence)
{
    using var response = await http.GetAsync(new Uri("/users/" + RandomId(worker), UriKind.Relative));
    await response.Content.LoadIntoBufferAsync();
    return response.StatusCode == HttpStatusCode.OK;
}

async Task<bool> GetItemDirect(int worker, long sequence)
{
    var response = await dynamo.GetItemAsync(new GetItemRequest
    {
        TableName = database.Options.TableName,
        Key = new() { [database.Options.PartitionKey] = new AttributeValue { S = RandomId(worker) } },
    });
    return response.Item is { Count: > 0 };
}

var phases = new (string Name, Func<int, long, Task<bool>> Operation)[]
{
    ($"GET / ({options.Items} items)", GetAll),
    ("GET /users/{id}", GetUser),
    ("dynalite GetItem (direct)", GetItemDirect),
};
foreach (var (_, operation) in phases)
{
    await LoadPhase.RunAsync("warm-up", options.Concurrency, options.Warmup, operation);
}

var results = new List<PhaseResult>();
foreach (var (name, operation) in phases)
{
    results.Add(await LoadPhase.RunAsync(name, options.Concurrency, options.Duration, operation));
}

var sortedStartups = startups.Select(startup => startup.TotalMilliseconds).Order().ToList();
var invariant = CultureInfo.InvariantCulture;
Console.WriteLine(string.Create(invariant, $"Concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0} s per phase, {options.Items} items, {Environment.ProcessorCount} cores, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC"));
Console.WriteLine();
Console.WriteLine("| Phase | Requests | Requests/s | p50 ms | p99 ms | max ms | Errors |");
Console.WriteLine("| --- | ---: | ---: | ---: | ---: | ---: | ---: |");
foreach (var result in results)
{
    Console.WriteLine(result.ToMarkdownRow());
}

Console.WriteLine();
Console.WriteLine(string.Create(invariant, $"p50 of GET /users/{{id}} minus p50 of dynalite GetItem: {results[1].P50Ms - results[2].P50Ms:0.00} ms (target: at most 1 ms)"));
Console.WriteLine(string.Create(invariant, $"Start-up to first /readyz 200 over {sortedStartups.Count} starts: median {sortedStartups[sortedStartups.Count / 2]:0} ms, max {sortedStartups[^1]:0} ms"));
return results.Sum(result => result.Errors) == 0 ? 0 : 1;
