using System.Collections.Immutable;
using System.Net;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace BlueGreen.Sandbox.Dns;

/// <summary>
/// The sandbox zone's data: the service name's weighted records and each colour's own name.
/// Record changes swap one immutable snapshot, so a query sees either all old or all new records.
/// </summary>
public sealed class SandboxZone
{
    private readonly DomainName _zone;
    private readonly DomainName _serviceName;
    private readonly ImmutableDictionary<string, IPAddress> _colourAddresses;
    private readonly ImmutableDictionary<DomainName, string> _colourNames;
    private readonly Random _random;
    private readonly Lock _randomLock = new();
    private readonly TimeProvider _time;
    private readonly Lock _historyLock = new();
    private readonly List<RecordChange> _history = [];
    private WeightedRecordSet _records = WeightedRecordSet.Empty;
    private long _queries;

    /// <param name="zone">The zone, which is also the service name users resolve.</param>
    /// <param name="ttl">TTL in seconds of every answer.</param>
    /// <param name="colourAddresses">Each colour's load balancer address.</param>
    /// <param name="random">Source of the weighted choice; seed it for repeatable answers.</param>
    /// <param name="time">Clock that stamps record changes.</param>
    public SandboxZone(string zone, int ttl, IReadOnlyDictionary<string, IPAddress> colourAddresses, Random random, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(colourAddresses);
        if (ttl < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(ttl), ttl, "The TTL must not be negative.");
        }

        _zone = DomainName.Parse(zone);
        _serviceName = _zone;
        Ttl = ttl;
        _colourAddresses = colourAddresses.ToImmutableDictionary(StringComparer.Ordinal);
        _colourNames = colourAddresses.Keys.ToImmutableDictionary(c => ColourName(c), c => c);
        _random = random;
        _time = time;
    }

    /// <summary>Raised after every change of the service name's records.</summary>
    public event EventHandler<RecordChange>? Changed;

    public string ServiceName => _serviceName.ToString(true);

    public int Ttl { get; }

    /// <summary>Queries answered so far.</summary>
    public long Queries => Interlocked.Read(ref _queries);

    public WeightedRecordSet Records => Volatile.Read(ref _records);

    /// <summary>Every change of the service name's records, oldest first.</summary>
    public IReadOnlyList<RecordChange> History
    {
        get
        {
            lock (_historyLock)
            {
                return [.. _history];
            }
        }
    }

    /// <summary>The colour's own host name, e.g. green.test.bluegreen.internal.</summary>
    public string ColourHost(string colour) => ColourName(colour).ToString(true);

    /// <summary>The colour whose load balancer has <paramref name="address"/>; null for none.</summary>
    public string? ColourAt(IPAddress address) =>
        _colourAddresses.Where(kv => kv.Value.Equals(address)).Select(kv => kv.Key).FirstOrDefault();

    /// <summary>Replaces every record of the service name in one step.</summary>
    public void Replace(WeightedRecordSet records)
    {
        ArgumentNullException.ThrowIfNull(records);
        var unknown = records.Colours.Where(c => !_colourAddresses.ContainsKey(c)).ToList();
        if (unknown.Count > 0)
        {
            throw new ArgumentException($"The sandbox has no load balancer for {string.Join(", ", unknown)}; known colours: {string.Join(", ", _colourAddresses.Keys)}.", nameof(records));
        }

        RecordChange change;
        lock (_historyLock)
        {
            Volatile.Write(ref _records, records);
            change = new RecordChange(_time.GetUtcNow(), records);
            _history.Add(change);
        }

        Changed?.Invoke(this, change);
    }

    /// <summary>The authoritative answer to <paramref name="query"/>.</summary>
    public DnsMessage Answer(DnsMessage query)
    {
        ArgumentNullException.ThrowIfNull(query);
        Interlocked.Increment(ref _queries);
        var response = query.CreateResponseInstance();
        response.IsRecursionAllowed = false;
        if (query.Questions.Count != 1 || query.OperationCode != OperationCode.Query)
        {
            response.ReturnCode = ReturnCode.NotImplemented;
            return response;
        }

        var question = query.Questions[0];
        if (!question.Name.IsEqualOrSubDomainOf(_zone))
        {
            response.ReturnCode = ReturnCode.Refused;
            return response;
        }

        response.IsAuthoritiveAnswer = true;
        var address = Resolve(question.Name, out var exists);
        if (!exists)
        {
            response.ReturnCode = ReturnCode.NxDomain;
            return response;
        }

        response.ReturnCode = ReturnCode.NoError;
        if (address is not null && question.RecordType is RecordType.A or RecordType.Any)
        {
            response.AnswerRecords.Add(new ARecord(question.Name, Ttl, address));
        }

        return response;
    }

    private IPAddress? Resolve(DomainName name, out bool exists)
    {
        if (name.Equals(_serviceName))
        {
            exists = true;
            var colour = Pick(Records);
            return colour is null ? null : _colourAddresses[colour];
        }

        if (_colourNames.TryGetValue(name, out var own))
        {
            exists = true;
            return _colourAddresses[own];
        }

        exists = false;
        return null;
    }

    private string? Pick(WeightedRecordSet records)
    {
        double uniform;
        lock (_randomLock)
        {
            uniform = _random.NextDouble();
        }

        return records.Pick(uniform);
    }

    private DomainName ColourName(string colour) => DomainName.Parse(colour) + _zone;
}
