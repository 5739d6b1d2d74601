using System.Text.Json;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using SampleApp.Settings;

namespace SampleApp.Users;

/// <summary>
/// The answer of <c>GET /</c> (every item, as JSON) kept for <see cref="AppSettings.ItemsCache"/>:
/// a full scan and its serialization cost far more than the request, so requests within that
/// window share one scan, and a miss that others wait on is one scan for all of them. A failed
/// scan is not kept: the next request asks the table again.
/// </summary>
internal sealed class ItemsCache(UserStore store, AppSettings settings, TimeProvider time, IOptions<JsonOptions> json) : IDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private volatile Snapshot? _last;

    /// <summary>The items as UTF-8 JSON, at most <see cref="AppSettings.ItemsCache"/> old.</summary>
    public async Task<byte[]> GetJsonAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } cached)
        {
            return cached;
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            // Requests that queued behind a scan use its answer.
            if (Fresh() is { } justRead)
            {
                return justRead;
            }

            var items = await store.ScanAllAsync(cancellationToken);
            var body = JsonSerializer.SerializeToUtf8Bytes(items, json.Value.SerializerOptions);
            if (settings.ItemsCache > TimeSpan.Zero)
            {
                _last = new Snapshot(body, time.GetUtcNow());
            }

            return body;
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    private byte[]? Fresh() =>
        _last is { } last && time.GetUtcNow() - last.At < settings.ItemsCache ? last.Body : null;

    private sealed record Snapshot(byte[] Body, DateTimeOffset At);
}
