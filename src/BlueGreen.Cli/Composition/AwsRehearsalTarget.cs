using System.Globalization;
using BlueGreen.Aws.State;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Sandbox;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Traffic;
using BlueGreen.Sandbox.AwsEndpoint;
using BlueGreen.Sandbox.Hosting;
using BlueGreen.Sandbox.Rehearsal;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The AWS-path rehearsal: the engine works through the AWS-mode adapters against an AWS-compatible endpoint (the
/// Route53 weighted router, the S3 journal, lock and inbox, options from SSM, all built as for a real account), while
/// the sandbox's colours stand in for the clusters and its DNS server serves what that Route53 zone holds.
/// </summary>
public sealed class AwsRehearsalTarget : IRehearsalTargetFactory
{
    private readonly EnvironmentConfig _config;
    private readonly AwsModeServices _services;
    private readonly Uri _endpoint;
    private readonly TimeProvider _time;
    private readonly bool _freshJournal;
    private readonly Action<string> _report;
    private readonly IReadOnlyDictionary<string, string> _loadBalancers;
    private AwsModeOptions? _options;

    /// <param name="config">The environment.</param>
    /// <param name="services">AWS mode's services with every API at <paramref name="endpoint"/>.</param>
    /// <param name="endpoint">The AWS-compatible endpoint.</param>
    /// <param name="time">The clock.</param>
    /// <param name="freshJournal">True for a rehearsal: an earlier upgrade's journal there is moved aside first; false for a sandbox kept for commands by hand.</param>
    /// <param name="report">Told what was set up, in sentences.</param>
    public AwsRehearsalTarget(EnvironmentConfig config, AwsModeServices services, Uri endpoint, TimeProvider time, bool freshJournal, Action<string> report)
    {
        ArgumentNullException.ThrowIfNull(config);
        _config = config;
        _services = services;
        _endpoint = endpoint;
        _time = time;
        _freshJournal = freshJournal;
        _report = report;
        _loadBalancers = SandboxLoadBalancers.Of(config);
    }

    /// <summary>The journal bucket and zone, once prepared.</summary>
    public AwsModeOptions Options => _options ?? throw new InvalidOperationException("The target has not been prepared.");

    /// <summary>The AWS-compatible endpoint.</summary>
    public Uri Endpoint => _endpoint;

    /// <summary>Each colour's load balancer name in the weighted records.</summary>
    public IReadOnlyDictionary<string, string> LoadBalancers => _loadBalancers;

    public async Task<SandboxOptions> PrepareAsync(SandboxOptions sandbox, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(sandbox);
        _options = await AwsSandboxAccount.PrepareAsync(_config, _services, _endpoint, cancellationToken).ConfigureAwait(false);
        var credentials = await _services.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CommandFailedException($"The rehearsal at {_endpoint} needs AWS credentials; none were found.");
        var route53 = _services.Route53(credentials, _config.Region);
        var zone = _options.ZoneId!;
        using (var s3 = _services.S3(credentials, _config.Region))
        {
            var location = new S3StateLocation(_options.JournalBucket, _config.Environment);
            var journal = new S3JournalStore(s3, location);
            var lockStore = new S3Lock(s3, location, _time);
            if (_freshJournal)
            {
                await StartFreshAsync(journal, lockStore, cancellationToken).ConfigureAwait(false);
            }

            var state = (await CutoverJournal.ReadAsync(journal, cancellationToken).ConfigureAwait(false)).State;
            var router = AwsModeAdapters.RouterOf(_config, route53, zone, SandboxClusterSide.AliasTargets(_loadBalancers), _time);
            var weights = await router.ReadWeightsAsync(cancellationToken).ConfigureAwait(false);
            var start = Weights.AllTo(_config.Traffic.Live, _config.Clusters.Select(c => c.Colour), _config.Traffic.WeightScale);

            // An upgrade in progress owns the weights; otherwise the sandbox starts as a real account does before one: all on the live colour.
            if (!(state.Started && !state.IsTerminal) && (weights is null || !weights.Equals(start)))
            {
                await router.SetWeightsAsync(start, cancellationToken).ConfigureAwait(false);
                _report($"Set the weighted records of {_config.Dns.ZoneName} in zone {zone} to {start}.");
            }
        }

        _report($"The engine uses the AWS-mode adapters at {_endpoint}: Route53 zone {zone}, journal, lock and requests in s3://{_options.JournalBucket}/{_config.Environment}, options from SSM /{_config.Environment}/common/.");
        _report(SandboxClusterSide.Notice);
        return sandbox with
        {
            // The sandbox serves the real names: users resolve the service name, each colour its own name, as ExternalDNS makes them.
            Zone = _config.Dns.ZoneName,
            RecordFeed = new Route53RecordFeed(route53, zone, _config.Dns.ZoneName, _loadBalancers, _endpoint),
        };
    }

    public async Task<RehearsalTarget> CreateAsync(SandboxHost host, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(host);
        // The sandbox's load balancers publish no CloudWatch metrics and its colours have no alarms, so the gates judge it on its own metrics.
        if (_config.Gates.Sources.Count > 0 || _config.Gates.Alarms.Count > 0)
        {
            _report("The rehearsal judges the colours on the sandbox's own metrics: gates.source and gates.alarms apply to real load balancers and alarms.");
        }

        var config = _config with { Gates = _config.Gates with { Sources = [], Alarms = [] } };
        var adapters = await AwsModeAdapters.CreateAsync(config, _services, Options, SandboxClusterSide.Create(host.Probe, host.Metrics, _loadBalancers), _time, cancellationToken).ConfigureAwait(false);
        return new RehearsalTarget
        {
            Kind = "aws",
            Description = $"the AWS-mode adapters at {_endpoint}: Route53 zone {adapters.ZoneId} ({_config.Dns.ZoneName}), journal, lock and requests in {adapters.State}; readiness and metrics from the sandbox (no Kubernetes API here)",
            Services = adapters.EngineServices(_time),
            Resources = adapters,
        };
    }

    /// <summary>The service name's weights as the endpoint's Route53 holds them now, e.g. <c>blue=0 green=100</c>.</summary>
    public async Task<string> ReadWeightsAsync(CancellationToken cancellationToken)
    {
        var credentials = await _services.Credentials.TryResolveAsync(cancellationToken).ConfigureAwait(false)
            ?? throw new CommandFailedException($"Reading Route53 at {_endpoint} needs AWS credentials; none were found.");
        var router = AwsModeAdapters.RouterOf(_config, _services.Route53(credentials, _config.Region), Options.ZoneId!, SandboxClusterSide.AliasTargets(_loadBalancers), _time);
        return (await router.ReadWeightsAsync(cancellationToken).ConfigureAwait(false))?.ToString() ?? "no weighted records";
    }

    private async Task StartFreshAsync(S3JournalStore journal, S3Lock lockStore, CancellationToken cancellationToken)
    {
        if (await SandboxEngine.TakeOverFromDeadHolderAsync(lockStore, cancellationToken).ConfigureAwait(false) is { } takeOver)
        {
            _report(takeOver);
        }

        if (await lockStore.ReadAsync(cancellationToken).ConfigureAwait(false) is { } holder)
        {
            throw new CommandFailedException(new LockHeldException(holder, _time.GetUtcNow()).Message);
        }

        var name = "journal-" + _time.GetUtcNow().UtcDateTime.ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        if (await journal.MoveAsideAsync(name, cancellationToken).ConfigureAwait(false) is { } moved)
        {
            _report($"Moved the earlier upgrade's journal aside to {moved}; this rehearsal starts a new one.");
        }
    }
}
