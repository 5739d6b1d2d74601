using BlueGreen.Sandbox.Database;
using SampleApp.Tests.Hosting;

namespace SampleApp.Tests.Users;

/// <summary>One dynalite with tables of 0, 1 and 250 users, and an app process reading each (small scan pages).</summary>
public sealed class SeededApps : IAsyncLifetime
{
    public const int ManyCount = 250;
    public const int PageSize = 7;

    private readonly AppGroup _apps = new();
    private DynaliteServer? _database;

    internal DynaliteServer Database => _database ?? throw new InvalidOperationException("not started");

    internal AppProcess Empty { get; private set; } = null!;

    internal AppProcess One { get; private set; } = null!;

    internal AppProcess Many { get; private set; } = null!;

    /// <summary>An app of its own on the many-users table, so metric counts see only one test's requests.</summary>
    internal AppProcess Metered { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        _database = await DynaliteServer.StartAsync(new DynaliteOptions());
        try
        {
            await Task.WhenAll(
                _database.CreateTableAndSeedAsync(0, "empty-users"),
                _database.CreateTableAndSeedAsync(1, "one-user"),
                _database.CreateTableAndSeedAsync(ManyCount, "many-users"));
            var apps = await Task.WhenAll(StartOn("empty-users"), StartOn("one-user"), StartOn("many-users"), StartOn("many-users"));
            (Empty, One, Many, Metered) = (apps[0], apps[1], apps[2], apps[3]);
            await Task.WhenAll(apps.Select(app => app.WaitUntilReadyAsync()));
        }
        catch
        {
            // A fixture that fails to initialize may never be disposed by the runner.
            await DisposeAsync();
            throw;
        }
    }

    public async Task DisposeAsync()
    {
        await _apps.DisposeAsync();

        if (_database is not null)
        {
            await _database.DisposeAsync();
            _database = null;
        }
    }

    private Task<AppProcess> StartOn(string table) => _apps.StartAsync(AppEnvironment.For(
        Database, ("BLUEGREEN_TABLE_NAME", table), ("BLUEGREEN_SCAN_PAGE_SIZE", PageSize.ToString(System.Globalization.CultureInfo.InvariantCulture))));
}
