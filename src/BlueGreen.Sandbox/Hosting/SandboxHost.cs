using System.Collections.Concurrent;
using System.Globalization;
using BlueGreen.Core.Text;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.Apps;
using BlueGreen.Sandbox.Database;
using BlueGreen.Sandbox.Dns;
using BlueGreen.Sandbox.Faults;
using BlueGreen.Sandbox.Load;
using BlueGreen.Sandbox.Processes;
using BlueGreen.Sandbox.Proxy;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>
/// The whole sandbox on loopback: one dynalite, per colour N sample-app processes behind a
/// YARP load balancer, the authoritative DNS server (all weight on the live colour) and the
/// load generator. Everything it starts it stops, in reverse order, on dispose.
/// </summary>
public sealed class SandboxHost : IAsyncDisposable
{
    private const int WarmUpConcurrency = 4;
    private const int WarmUpRequestsPerWorker = 15;
    private readonly SandboxOptions _options;
    private readonly TimeProvider _time;
    private readonly Action<SandboxEvent> _onEvent;
    private readonly ChildProcessSupervisor _supervisor = new(TimeSpan.FromSeconds(5));
    private readonly Dictionary<string, ColourDeployment> _colours = new(StringComparer.Ordinal);
    private readonly CancellationTokenSource _stopping = new();
    private readonly List<Task> _background = [];
    private readonly Lock _backgroundLock = new();
    private readonly ConcurrentDictionary<string, Lazy<Task>> _colourStops = new(StringComparer.Ordinal);
    private DynaliteServer? _database;
    private SandboxDnsServer? _dns;
    private LoadGenerator? _load;
    private bool _disposed;

    private SandboxHost(SandboxOptions options, TimeProvider time, Action<SandboxEvent> onEvent)
    {
        _options = options;
        _time = time;
        _onEvent = onEvent;
        var addresses = options.Colours.Select((c, i) => (c.Colour, Address: SandboxOptions.ColourAddress(i)))
            .ToDictionary(c => c.Colour, c => c.Address, StringComparer.Ordinal);
        Zone = new SandboxZone(options.Zone, options.Ttl, addresses, new Random(options.Seed), time);
        Router = new DnsTrafficRouter(Zone, options.RecordFeed?.Description);
        Log = new RequestLog();
        Metrics = new LoadMetricSource(Log);
        Probe = new SandboxClusterProbe(this);
    }

    public SandboxOptions Options => _options;

    public SandboxZone Zone { get; }

    public DnsTrafficRouter Router { get; }

    public RequestLog Log { get; }

    public LoadMetricSource Metrics { get; }

    public SandboxClusterProbe Probe { get; }

    public IReadOnlyDictionary<string, ColourDeployment> Colours => _colours;

    /// <summary>The DNS server's endpoint.</summary>
    public System.Net.IPEndPoint DnsEndpoint => _dns?.Endpoint ?? throw new InvalidOperationException("The sandbox has not started.");

    /// <summary>The port every colour's load balancer listens on.</summary>
    public int ServicePort { get; private set; }

    /// <summary>The load a calibration chose; null when <c>sandbox.requestRate</c> was given or no load runs.</summary>
    public LoadSize? LoadSize { get; private set; }

    /// <summary>User requests per second of the load generator (given or calibrated).</summary>
    public int RequestRate { get; private set; }

    /// <summary>Load generator clients (given, or fewer when the calibrated rate is lower).</summary>
    public int Clients { get; private set; }

    /// <summary>DNS queries the load generator sent so far.</summary>
    public long DnsQueries => _load?.DnsQueries ?? 0;

    /// <summary>Process ids of everything the sandbox started: dynalite and every app instance.</summary>
    public IReadOnlyList<int> ChildProcessIds =>
        [.. (_database is null ? [] : new[] { _database.ProcessId }), .. _supervisor.Started.Select(p => p.Id)];

    /// <summary>Starts every part and returns once both colours are ready and load flows.</summary>
    public static async Task<SandboxHost> StartAsync(SandboxOptions options, TimeProvider time, Action<SandboxEvent> onEvent, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(options);
        var host = new SandboxHost(options, time, onEvent);
        try
        {
            await host.StartPartsAsync(cancellationToken).ConfigureAwait(false);
            return host;
        }
        catch
        {
            try
            {
                await host.DisposeAsync().ConfigureAwait(false);
            }
            catch (AggregateException stopFailures)
            {
                // The start failure is what the user must act on; the stop failures are reported beside it.
                host.Emit("stop-failed", null, stopFailures.Flatten().Message);
            }

            throw;
        }
    }

    /// <summary>Stops a colour: its load balancer, then its instances, newest first (reverse order of start).</summary>
    public Task StopColourAsync(string colour)
    {
        var deployment = _colours.GetValueOrDefault(colour) ?? throw new ArgumentException($"The sandbox has no colour '{colour}'.", nameof(colour));

        // A stop from the control API can race the one of dispose: both await the same single stop.
        return _colourStops.GetOrAdd(colour, _ => new Lazy<Task>(() => StopDeploymentAsync(deployment))).Value;
    }

    private async Task StopDeploymentAsync(ColourDeployment deployment)
    {
        var colour = deployment.Colour;
        _load?.StopProbing(colour);
        if (deployment.Proxy is { } proxy)
        {
            await proxy.DisposeAsync().ConfigureAwait(false);
            Emit("load-balancer-stopped", colour, $"{colour} load balancer on {deployment.Address}:{ServicePort} stopped");
        }

        foreach (var instance in Enumerable.Reverse(deployment.Instances))
        {
            await _supervisor.StopAsync(instance.Process).ConfigureAwait(false);
            Emit("instance-stopped", colour, $"{instance.Name} (pid {instance.Process.Id}) stopped");
        }

        deployment.StoppedAt = _time.GetUtcNow();
        Emit("colour-stopped", colour, $"{colour} stopped");
    }

    /// <summary>Stops the load generator and waits for requests in flight.</summary>
    public async Task StopLoadAsync()
    {
        if (_load is not null)
        {
            await _load.StopAsync().ConfigureAwait(false);
        }
    }

    /// <summary>
    /// Stops everything in reverse order of start. Every step runs even when an earlier one
    /// fails, so no process outlives the sandbox; the failures are thrown together at the end.
    /// </summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed)
        {
            return;
        }

        _disposed = true;
        var failures = new List<Exception>();
        await StepAsync(failures, () => _stopping.CancelAsync()).ConfigureAwait(false);
        if (_load is { } load)
        {
            await StepAsync(failures, () => load.DisposeAsync().AsTask()).ConfigureAwait(false);
        }

        await StepAsync(failures, () => Task.WhenAll(BackgroundTasks())).ConfigureAwait(false);
        await StepAsync(failures, () =>
        {
            _dns?.Dispose();
            return Task.CompletedTask;
        }).ConfigureAwait(false);
        foreach (var colour in Enumerable.Reverse(_colours.Keys.ToList()))
        {
            await StepAsync(failures, () => StopColourAsync(colour)).ConfigureAwait(false);
        }

        await StepAsync(failures, () => _supervisor.DisposeAsync().AsTask()).ConfigureAwait(false);
        if (_database is { } database)
        {
            await StepAsync(failures, async () =>
            {
                await database.DisposeAsync().ConfigureAwait(false);
                Emit("database-stopped", null, "dynalite stopped");
            }).ConfigureAwait(false);
        }

        _stopping.Dispose();
        if (failures.Count > 0)
        {
            throw new AggregateException("Stopping the sandbox failed in part; every other part was stopped.", failures);
        }
    }

    private Task[] BackgroundTasks()
    {
        lock (_backgroundLock)
        {
            return [.. _background];
        }
    }

    private static async Task StepAsync(List<Exception> failures, Func<Task> step)
    {
        try
        {
            await step().ConfigureAwait(false);
        }
        catch (Exception e)
        {
            failures.Add(e);
        }
    }

    private async Task StartPartsAsync(CancellationToken cancellationToken)
    {
        var appPath = _options.SampleAppPath ?? SampleAppLocator.Find();
        var addresses = _options.Colours.Select((_, i) => SandboxOptions.ColourAddress(i)).ToList();
        ServicePort = _options.ServicePort == 0 ? LoopbackPorts.FreeTcpPort(addresses) : _options.ServicePort;
        foreach (var address in addresses.Where(a => !LoopbackPorts.IsFree(a, ServicePort)))
        {
            throw new SandboxException($"The service port {address}:{ServicePort} is in use; choose another port or stop what listens there.");
        }

        if (_options.DnsPort != 0 && !UdpPortFree(_options.DnsAddress, _options.DnsPort))
        {
            throw new SandboxException($"The DNS server cannot listen on {_options.DnsAddress}:{_options.DnsPort} (UDP): the port is in use. Choose another port or stop what listens there.");
        }

        _database = await DynaliteServer.StartAsync(_options.Database, cancellationToken).ConfigureAwait(false);
        await _database.CreateTableAndSeedAsync(_options.SeedItems, cancellationToken: cancellationToken).ConfigureAwait(false);
        Emit("database-started", null, $"dynalite on {_database.Endpoint} (pid {_database.ProcessId}), table {_options.Database.TableName} with {_options.SeedItems} items");

        for (var i = 0; i < _options.Colours.Count; i++)
        {
            var (colour, version) = _options.Colours[i];
            _colours[colour] = new ColourDeployment(colour, version, addresses[i], _options.Replicas);
        }

        // Colours start side by side: their instances boot concurrently, which halves the start time.
        await Task.WhenAll(_colours.Values.Select(d => StartColourAsync(d, appPath, cancellationToken))).ConfigureAwait(false);

        ZoneFollower? follower = null;
        if (_options.RecordFeed is { } feed)
        {
            follower = new ZoneFollower(Zone, feed, _options.FollowPeriod, _time, message => Emit("records-followed", null, message));
            await FirstReadAsync(follower, feed, cancellationToken).ConfigureAwait(false);
        }
        else
        {
            Zone.Replace(WeightedRecordSet.From(Weights.AllTo(_options.Live, _colours.Keys, _options.WeightScale)));
        }

        Zone.Changed += OnRecordsChanged;
        try
        {
            _dns = SandboxDnsServer.Start(Zone, _options.DnsAddress, _options.DnsPort);
        }
        catch (System.Net.Sockets.SocketException ex)
        {
            throw new SandboxException($"The DNS server cannot listen on {_options.DnsAddress}:{_options.DnsPort} (UDP): {Sentences.Clause(ex.Message)}. Choose another port or stop what listens there.", ex);
        }

        Emit("dns-started", null, $"DNS server for {Zone.ServiceName} on {_dns.Endpoint} (UDP), TTL {Zone.Ttl} s, records {Zone.Records}" + (_options.RecordFeed is { } followed ? $", following {followed.Description}" : string.Empty));
        if (follower is not null)
        {
            lock (_backgroundLock)
            {
                _background.Add(follower.RunAsync(_stopping.Token));
            }
        }

        if (_options.GenerateLoad)
        {
            // One user per request (a GetItem each), like users reading their own data.
            IReadOnlyList<string> paths = [.. Enumerable.Range(1, Math.Max(1, _options.SeedItems)).Select(i => "/users/" + SeedItems.IdOf(i))];
            RequestRate = _options.RequestRate ?? 0;
            Clients = _options.Clients;
            var requestTimeout = LoadOptions.DefaultRequestTimeout;
            if (_options.RequestRate is null)
            {
                LoadSize = await CalibrateAsync(paths, cancellationToken).ConfigureAwait(false);
                (RequestRate, Clients, requestTimeout) = (LoadSize.RequestRate, LoadSize.Clients, LoadSize.RequestTimeout);
            }

            _load = new LoadGenerator(
                new LoadOptions
                {
                    RequestRate = RequestRate,
                    Clients = Clients,
                    RequestTimeout = requestTimeout,
                    DnsServer = _dns.Endpoint,
                    ServiceName = Zone.ServiceName,
                    ServicePort = ServicePort,
                    ColourHosts = _colours.Keys.ToDictionary(c => c, Zone.ColourHost),
                    Paths = paths,
                },
                Log,
                Zone.ColourAt,
                _time);
            _load.Start();
            Emit("load-started", null, $"load generator: {RequestRate} requests/s from {Clients} clients resolving {Zone.ServiceName}");
        }
    }

    // The live colour alone, through its load balancer, before any user load: what this machine serves now.
    private async Task<LoadSize> CalibrateAsync(IReadOnlyList<string> paths, CancellationToken cancellationToken)
    {
        var live = _colours[_options.Live];
        var measured = await LoadCalibration.MeasureAsync(
            live.Address, ServicePort, Zone.ServiceName, paths, TimeSpan.FromMilliseconds(500), _options.CalibrationTime, cancellationToken).ConfigureAwait(false);
        if (measured.Served == 0)
        {
            throw new SandboxException(string.Create(CultureInfo.InvariantCulture,
                $"The calibration against {_options.Live} got no answer in {_options.CalibrationTime.TotalSeconds:0.#} s ({measured.Failed} requests failed), so no user load can be sized; set sandbox.requestRate to run without it."));
        }

        var size = LoadSizing.Size(measured.ServedPerSecond, measured.P99, _options.Clients, _options.Demand);
        Emit("load-calibrated", null, string.Create(CultureInfo.InvariantCulture, $"{size.Describe()}; p99 {measured.P99.TotalMilliseconds:0} ms during the calibration, request timeout {size.RequestTimeout.TotalSeconds:0.#} s"));
        if (_options.Demand is { } demand && LoadSizing.Lengthening(size, demand) is { } lengthened)
        {
            Emit("interval-lengthened", null, lengthened);
        }

        return size;
    }

    // The zone starts with what the feed holds: the DNS server never answers with records of its own.
    private async Task FirstReadAsync(ZoneFollower follower, IRecordFeed feed, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StartTimeout;
        while (true)
        {
            try
            {
                await follower.SyncOnceAsync(cancellationToken).ConfigureAwait(false);
                break;
            }
            catch (Exception e) when (e is not OperationCanceledException && _time.GetUtcNow() < deadline)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(500), _time, cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                throw new SandboxException($"The service name's records could not be read from {feed.Description} for {_options.StartTimeout.TotalSeconds:0} s: {Sentences.Clause(e.Message)}.", e);
            }
        }

        if (Zone.Records.IsEmpty)
        {
            throw new SandboxException($"{feed.Description} holds no weighted record of {Zone.ServiceName} for a colour of the sandbox ({string.Join(", ", _colours.Keys)}); create them first (all weight on {_options.Live}).");
        }
    }

    private async Task StartColourAsync(ColourDeployment deployment, string appPath, CancellationToken cancellationToken)
    {
        var colour = deployment.Colour;
        for (var index = 1; index <= _options.Replicas; index++)
        {
            var port = LoopbackPorts.FreeTcpPort();
            var address = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://127.0.0.1:{port}/"));
            var environment = AppInstanceSpec.Environment(colour, deployment.Version, _options.Database.TableName, _options.Database.PartitionKey, _database!.ClientEnvironment);
            var process = _supervisor.Start(new ChildProcessSpec
            {
                Name = $"{colour}-app-{index}",
                FileName = "dotnet",
                Arguments = [appPath, "--urls", address.ToString().TrimEnd('/')],
                Environment = environment,
                WorkingDirectory = Path.GetDirectoryName(appPath),
            });
            var instance = new AppInstance(colour, index, address, process);
            deployment.Instances.Add(instance);
            Emit("instance-started", colour, $"{instance.Name} (pid {process.Id}) on {address}");
        }

        var fault = _options.Faults.FirstOrDefault(f => f.Colour == colour);
        if (fault is not null)
        {
            deployment.Faults = new FaultSwitch(fault, new Random(_options.Seed + 1), _time);
        }

        try
        {
            deployment.Proxy = await ColourProxy.StartAsync(
                new ColourProxyOptions
                {
                    Colour = colour,
                    Address = deployment.Address,
                    Port = ServicePort,
                    Destinations = [.. deployment.Instances.Select(i => i.Address)],
                    Faults = deployment.Faults,
                },
                cancellationToken).ConfigureAwait(false);
        }
        catch (IOException ex)
        {
            throw new SandboxException($"The {colour} load balancer cannot listen on {deployment.Address}:{ServicePort}: {Sentences.Clause(ex.Message)}. Choose another port or stop what listens there.", ex);
        }

        await WaitReadyAsync(deployment, cancellationToken).ConfigureAwait(false);
        await WarmUpAsync(deployment, cancellationToken).ConfigureAwait(false);
        Emit("load-balancer-ready", colour, $"{colour} load balancer on {deployment.Address}:{ServicePort} with {deployment.Replicas} healthy instances (version {deployment.Version})");
    }

    private async Task WaitReadyAsync(ColourDeployment deployment, CancellationToken cancellationToken)
    {
        var deadline = _time.GetUtcNow() + _options.StartTimeout;
        while (!deployment.Ready)
        {
            if (deployment.Instances.FirstOrDefault(i => i.Process.HasExited) is { } dead)
            {
                throw new SandboxException($"{dead.Name} exited with code {dead.Process.ExitCode} while starting. Its last output:{Environment.NewLine}{string.Join(Environment.NewLine, dead.Process.OutputTail)}");
            }

            if (_time.GetUtcNow() > deadline)
            {
                throw new SandboxException($"The {deployment.Colour} load balancer has {deployment.Proxy!.HealthyDestinations} of {deployment.Replicas} healthy instances after {_options.StartTimeout.TotalSeconds:0} s; /readyz did not pass on the others.");
            }

            await Task.Delay(TimeSpan.FromMilliseconds(100), _time, cancellationToken).ConfigureAwait(false);
        }
    }

    // A fresh .NET process answers its first requests slowly (JIT, the database client's first
    // connection). Real colours have served for a while before an upgrade; a short warm-up through
    // the load balancer gives the sandbox's colours the same footing before the gates judge them.
    private async Task WarmUpAsync(ColourDeployment deployment, CancellationToken cancellationToken)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(10) };
        var uri = new Uri(string.Create(CultureInfo.InvariantCulture, $"http://{deployment.Address}:{ServicePort}/users/{SeedItems.IdOf(1)}"));
        await Task.WhenAll(Enumerable.Range(0, WarmUpConcurrency).Select(async _ =>
        {
            for (var i = 0; i < WarmUpRequestsPerWorker; i++)
            {
                try
                {
                    using var response = await http.GetAsync(uri, cancellationToken).ConfigureAwait(false);
                }
                catch (HttpRequestException)
                {
                    // A failed warm-up request only means the colour is still warming up.
                }
            }
        })).ConfigureAwait(false);
    }

    private void OnRecordsChanged(object? sender, RecordChange change)
    {
        foreach (var deployment in _colours.Values)
        {
            if (deployment.Faults is not { IsActive: false } faults || change.Records.Probability(deployment.Colour) <= 0)
            {
                continue;
            }

            // A fault shows once the colour takes user traffic: that is what the gates must catch.
            faults.Activate();
            Emit("fault-activated", deployment.Colour, $"fault {faults.Fault} active on {deployment.Colour}");
            if (faults.Fault.Kill > 0)
            {
                lock (_backgroundLock)
                {
                    _background.Add(KillLaterAsync(deployment, faults.Fault.Kill));
                }
            }
        }
    }

    private async Task KillLaterAsync(ColourDeployment deployment, int count)
    {
        try
        {
            await Task.Delay(_options.KillDelay, _time, _stopping.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            return;
        }

        foreach (var instance in deployment.Instances.Where(i => !i.Process.HasExited).Take(count))
        {
            ChildProcessSupervisor.Kill(instance.Process);
            Emit("instance-killed", deployment.Colour, $"{instance.Name} (pid {instance.Process.Id}) killed (fault)");
        }
    }

    private static bool UdpPortFree(System.Net.IPAddress address, int port)
    {
        try
        {
            using var socket = new System.Net.Sockets.Socket(address.AddressFamily, System.Net.Sockets.SocketType.Dgram, System.Net.Sockets.ProtocolType.Udp);
            socket.Bind(new System.Net.IPEndPoint(address, port));
            return true;
        }
        catch (System.Net.Sockets.SocketException)
        {
            return false;
        }
    }

    private void Emit(string kind, string? colour, string message) => _onEvent(new SandboxEvent(_time.GetUtcNow(), kind, colour, message));
}
