namespace SampleApp.Tests.Hosting;

/// <summary>
/// App processes started together: each is tracked the moment it starts, so when one of them fails
/// to start the others are still stopped on dispose instead of outliving the tests.
/// </summary>
internal sealed class AppGroup : IAsyncDisposable
{
    private readonly List<AppProcess> _started = [];

    /// <summary>The apps that started and are not yet disposed.</summary>
    public IReadOnlyList<AppProcess> Started
    {
        get
        {
            lock (_started)
            {
                return [.. _started];
            }
        }
    }

    public async Task<AppProcess> StartAsync(IReadOnlyDictionary<string, string> environment)
    {
        var app = await AppProcess.StartAsync(environment);
        lock (_started)
        {
            _started.Add(app);
        }

        return app;
    }

    public async ValueTask DisposeAsync()
    {
        AppProcess[] started;
        lock (_started)
        {
            started = [.. _started];
            _started.Clear();
        }

        foreach (var app in started)
        {
            await app.DisposeAsync();
        }
    }
}
