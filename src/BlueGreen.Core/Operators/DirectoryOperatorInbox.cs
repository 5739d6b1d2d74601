using System.Globalization;
using System.Text.Json;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Operators;

/// <summary>
/// An operator inbox in a local directory: one JSON file per request, written to a temporary name,
/// fsynced and renamed, so a reader never sees half a request.
/// </summary>
public sealed class DirectoryOperatorInbox : IOperatorInbox
{
    private const string Extension = ".request.json";
    private readonly string _directory;

    public DirectoryOperatorInbox(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    public Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        Directory.CreateDirectory(_directory);

        // The name sorts by request time, so pending requests come out in the order they were made.
        var name = string.Create(CultureInfo.InvariantCulture, $"{request.RequestedAt.UtcTicks:D20}-{request.Id}{Extension}");
        var temporary = Path.Combine(_directory, $".{request.Id}.tmp");
        using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None))
        {
            JsonSerializer.Serialize(stream, request, JournalJson.Options);
            stream.Flush(flushToDisk: true);
        }

        File.Move(temporary, Path.Combine(_directory, name));
        return Task.CompletedTask;
    }

    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return Task.FromResult<IReadOnlyList<OperatorRequest>>([]);
        }

        var requests = new List<OperatorRequest>();
        foreach (var file in Directory.GetFiles(_directory, "*" + Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                var request = JsonSerializer.Deserialize<OperatorRequest>(File.ReadAllBytes(file), JournalJson.Options);
                if (request is not null)
                {
                    requests.Add(request);
                }
            }
            catch (FileNotFoundException)
            {
                // Completed by the engine between listing and reading.
            }
            catch (JsonException e)
            {
                throw new OperatorInboxException($"The operator request '{file}' cannot be read ({e.Message}). Delete the file and make the request again.", e);
            }
        }

        return Task.FromResult<IReadOnlyList<OperatorRequest>>(requests);
    }

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken)
    {
        if (Directory.Exists(_directory))
        {
            foreach (var file in Directory.GetFiles(_directory, $"*-{requestId}{Extension}"))
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }
}
