using System.Net;
using System.Net.Sockets;
using ARSoft.Tools.Net;
using ARSoft.Tools.Net.Dns;

namespace BlueGreen.Sandbox.Load;

/// <summary>
/// Resolves one name through one DNS server and caches the answer for its TTL, as an
/// operating system's stub resolver does; each load generator client has its own.
/// </summary>
public sealed class StubResolver : IDisposable
{
    // As the C library's resolver does (timeout and attempts in resolv.conf), a query that gets no
    // answer is sent again: on a busy machine one UDP round trip can take longer than a second,
    // and a user's request must not fail because the sandbox's own DNS answer was late.
    private const int QueryTimeoutMilliseconds = 2000;
    private const int Attempts = 2;
    private static long s_nextId;
    private readonly DomainName _name;
    private readonly DnsClient _client;
    private readonly TimeProvider _time;
    private Resolution? _cached;

    public StubResolver(IPEndPoint server, string name, TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(server);
        _name = DomainName.Parse(name);
        _client = new DnsClient([server.Address], [new UdpClientTransport(server.Port)], true, QueryTimeoutMilliseconds);
        _time = time;
    }

    /// <summary>Answers queried so far (cache misses).</summary>
    public long Queries { get; private set; }

    /// <summary>The cached answer while its TTL lasts, else a fresh one from the server.</summary>
    public async Task<Resolution> ResolveAsync(CancellationToken cancellationToken)
    {
        var now = _time.GetUtcNow();
        if (_cached is { } cached && now < cached.Expires)
        {
            return cached;
        }

        DnsMessage? answer = null;
        for (var attempt = 0; attempt < Attempts && answer is null; attempt++)
        {
            Queries++;
            try
            {
                answer = await _client.ResolveAsync(_name, RecordType.A, RecordClass.INet, null, cancellationToken).ConfigureAwait(false);
            }
            catch (SocketException)
            {
                answer = null;
            }
        }

        var arrived = _time.GetUtcNow();
        var record = answer?.AnswerRecords.OfType<ARecord>().FirstOrDefault();
        var id = Interlocked.Increment(ref s_nextId);
        if (record is null)
        {
            // Nothing to cache: a failed or empty answer is asked again on the next request.
            _cached = null;
            return new Resolution(id, arrived, arrived, null);
        }

        _cached = new Resolution(id, arrived, arrived + TimeSpan.FromSeconds(record.TimeToLive), record.Address);
        return _cached;
    }

    public void Dispose() => (_client as IDisposable)?.Dispose();
}
