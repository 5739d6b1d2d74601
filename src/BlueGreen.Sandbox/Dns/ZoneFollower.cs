namespace BlueGreen.Sandbox.Dns;

/// <summary>
/// Keeps the sandbox zone's service records equal to what a <see cref="IRecordFeed"/> holds, reading it every
/// period: the way a real DNS service serves what its zone holds. A read that fails leaves the records served as
/// they were (authoritative servers keep answering while their control plane is unreachable) and is reported once.
/// </summary>
public sealed class ZoneFollower
{
    private readonly SandboxZone _zone;
    private readonly IRecordFeed _feed;
    private readonly TimeSpan _period;
    private readonly TimeProvider _time;
    private readonly Action<string> _report;
    private long _reads;

    /// <param name="zone">The zone whose service records follow the feed.</param>
    /// <param name="feed">Where the records are.</param>
    /// <param name="period">Time between two reads.</param>
    /// <param name="time">The clock of the waits.</param>
    /// <param name="report">Told, once per run of failures and once when reading works again, what happened.</param>
    public ZoneFollower(SandboxZone zone, IRecordFeed feed, TimeSpan period, TimeProvider time, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(zone);
        ArgumentNullException.ThrowIfNull(feed);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(report);
        if (period <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(period), period, "The follow period must be positive.");
        }

        _zone = zone;
        _feed = feed;
        _period = period;
        _time = time;
        _report = report;
    }

    /// <summary>Successful reads of the feed so far.</summary>
    public long Reads => Interlocked.Read(ref _reads);

    /// <summary>Reads the feed once and serves what it holds; throws what the feed throws.</summary>
    public async Task SyncOnceAsync(CancellationToken cancellationToken)
    {
        var records = await _feed.ReadAsync(cancellationToken).ConfigureAwait(false);
        Interlocked.Increment(ref _reads);
        if (!records.SameRecordsAs(_zone.Records))
        {
            _zone.Replace(records);
        }
    }

    /// <summary>Follows the feed until cancelled.</summary>
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var failing = false;
        while (!cancellationToken.IsCancellationRequested)
        {
            try
            {
                await Task.Delay(_period, _time, cancellationToken).ConfigureAwait(false);
                await SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                if (failing)
                {
                    failing = false;
                    _report($"reading {_feed.Description} works again; the DNS server serves {_zone.Records}");
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e) when (e is not OutOfMemoryException)
            {
                if (!failing)
                {
                    failing = true;
                    _report($"reading {_feed.Description} failed ({e.Message}); the DNS server keeps serving {_zone.Records}");
                }
            }
        }
    }
}
