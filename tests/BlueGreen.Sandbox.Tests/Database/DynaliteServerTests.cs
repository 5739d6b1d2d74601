using System.Diagnostics;
using System.Net.Sockets;
using Amazon.DynamoDBv2.Model;
using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

// Some tests free a port and expect it free, or bind it again: no parallel test may take it meanwhile.
[Collection(PortReuseCollection.Name)]
public sealed class DynaliteServerTests
{
    private static readonly TimeSpan GoneBound = TimeSpan.FromSeconds(15);

    [Fact]
    public async Task Starts_OnLoopback_AndAnswers()
    {
        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions());
        using var client = server.CreateClient();

        var tables = await client.ListTablesAsync(new ListTablesRequest());

        Assert.Equal("127.0.0.1", server.Endpoint.Host);
        Assert.Equal(server.Port, server.Endpoint.Port);
        Assert.Empty(tables.TableNames ?? []);
    }

    [Fact]
    public async Task CreatesTable_WithConfiguredPartitionKey_AndSeedsEveryItem()
    {
        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { TableName = "people", PartitionKey = "Id" });
        using var client = server.CreateClient();

        await server.CreateTableAndSeedAsync(60);

        var table = (await client.DescribeTableAsync("people")).Table;
        Assert.Equal("Id", Assert.Single(table.KeySchema).AttributeName);
        var item = (await client.GetItemAsync("people", new() { ["Id"] = new AttributeValue { S = "user-00042" } })).Item;
        Assert.Equal("User 42", item["Name"].S);
        var scan = await client.ScanAsync(new ScanRequest { TableName = "people", Select = Amazon.DynamoDBv2.Select.COUNT });
        Assert.Equal(60, scan.Count);
    }

    [Fact]
    public async Task ClientEnvironment_NamesTheEndpointRegionAndDummyCredentials()
    {
        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions { Region = "eu-west-1" });

        var environment = server.ClientEnvironment;

        Assert.Equal($"http://127.0.0.1:{server.Port}", environment["AWS_ENDPOINT_URL_DYNAMODB"]);
        Assert.Equal("eu-west-1", environment["AWS_REGION"]);
        Assert.False(string.IsNullOrEmpty(environment["AWS_ACCESS_KEY_ID"]));
        Assert.False(string.IsNullOrEmpty(environment["AWS_SECRET_ACCESS_KEY"]));
    }

    [Fact]
    public async Task Dispose_LeavesNoProcess_AndPortIsFree()
    {
        var server = await DynaliteServer.StartAsync(new DynaliteOptions());
        var pid = server.ProcessId;
        var port = server.Port;
        Assert.True(ProcessLiveness.IsAlive(pid));

        await server.DisposeAsync();
        await server.DisposeAsync();

        Assert.True(await ProcessLiveness.WaitUntilGoneAsync(pid, GoneBound), $"dynalite pid {pid} still runs after dispose");
        using var socket = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        var refused = await Assert.ThrowsAsync<SocketException>(() => socket.ConnectAsync("127.0.0.1", port));
        Assert.Equal(SocketError.ConnectionRefused, refused.SocketErrorCode);
    }

    [Fact]
    public async Task Restarts_OnTheSamePort_AfterStop()
    {
        int port;
        await using (var first = await DynaliteServer.StartAsync(new DynaliteOptions()))
        {
            port = first.Port;
        }

        await using var second = await StartOnAsync(port);

        Assert.Equal(port, second.Port);
    }

    [Fact]
    public async Task Rejects_PortInUse_WithClearError()
    {
        await using var first = await DynaliteServer.StartAsync(new DynaliteOptions());

        var error = await Assert.ThrowsAsync<DynaliteException>(
            () => DynaliteServer.StartAsync(new DynaliteOptions { Port = first.Port }));

        Assert.Contains($"127.0.0.1:{first.Port}", error.Message, StringComparison.Ordinal);
        Assert.Contains("EADDRINUSE", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Rejects_PortOutOfRange()
    {
        var error = await Assert.ThrowsAsync<DynaliteException>(
            () => DynaliteServer.StartAsync(new DynaliteOptions { Port = 70000 }));

        Assert.Contains("70000", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KilledParent_TakesDynaliteWithIt()
    {
        var start = new ProcessStartInfo(DotnetHost())
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(typeof(DynaliteHostProgram).Assembly.Location);
        start.ArgumentList.Add(DynaliteHostProgram.HoldCommand);
        using var host = Process.Start(start)!;
        int? dynalitePid = null;
        try
        {
            var line = await host.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60));
            // The failure message kills the host to read its errors, so it is built only on failure.
            if (line?.StartsWith(DynaliteHostProgram.PidPrefix, StringComparison.Ordinal) != true)
            {
                Assert.Fail($"host said '{line}', stderr: {await ReadErrorsAsync(host)}");
            }

            dynalitePid = int.Parse(line![DynaliteHostProgram.PidPrefix.Length..], System.Globalization.CultureInfo.InvariantCulture);
            Assert.True(ProcessLiveness.IsAlive(dynalitePid.Value));

            host.Kill();
            await host.WaitForExitAsync();

            Assert.True(await ProcessLiveness.WaitUntilGoneAsync(dynalitePid.Value, GoneBound), $"dynalite pid {dynalitePid} outlived its killed parent");
        }
        finally
        {
            if (!host.HasExited)
            {
                host.Kill(entireProcessTree: true);
            }

            // Killing the host above takes the tree; a dynalite that outlived a killed host is stopped here.
            KillIfAlive(dynalitePid);
        }
    }

    private static void KillIfAlive(int? pid)
    {
        if (pid is not { } id || !ProcessLiveness.IsAlive(id))
        {
            return;
        }

        try
        {
            using var process = Process.GetProcessById(id);
            process.Kill();
        }
        catch (ArgumentException)
        {
            // It exited between the check and the kill.
        }
    }

    // A port just given up may still be held for a moment by another process on the machine.
    private static async Task<DynaliteServer> StartOnAsync(int port)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                return await DynaliteServer.StartAsync(new DynaliteOptions { Port = port });
            }
            catch (DynaliteException error) when (error.Message.Contains("EADDRINUSE", StringComparison.Ordinal) && watch.Elapsed < GoneBound)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(200));
            }
        }
    }

    private static string DotnetHost() =>
        Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") is { Length: > 0 } host ? host : "dotnet";

    private static async Task<string> ReadErrorsAsync(Process process)
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
        }

        return await process.StandardError.ReadToEndAsync();
    }
}
