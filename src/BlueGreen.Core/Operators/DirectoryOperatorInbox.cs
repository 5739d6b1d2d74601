using System.Globalization;
using System.Text.Json;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Operators;

/// <summary>
/// An operator inbox in a local directory: one JSON file per request, written to a temporary name,
/// fsynced and renamed, so a reader never sees half a request. A file that is not a valid request
/// is renamed to <c>.rejected</c> and reported, so it never stops a running upgrade.
/// </summary>
public sealed class DirectoryOperatorInbox : IOperatorInbox
{
    private const string Extension = ".request.json";
    private const string RejectedExtension = ".rejected";
    private readonly string _directory;
    private readonly List<string> _rejections = [];
    private readonly HashSet<string> _reported = new(StringComparer.Ordinal);

    public DirectoryOperatorInbox(string directory)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(directory);
        _directory = directory;
    }

    /// <exception cref="ArgumentException">The request's id is not hexadecimal.</exception>
    public Task SubmitAsync(OperatorRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        if (!OperatorRequest.IsValidId(request.Id))
        {
            throw new ArgumentException($"The request id '{request.Id}' must be 1 to 64 hexadecimal digits.", nameof(request));
        }

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

    /// <exception cref="OperatorInboxException">The directory cannot be listed.</exception>
    public Task<IReadOnlyList<OperatorRequest>> PendingAsync(CancellationToken cancellationToken)
    {
        if (!Directory.Exists(_directory))
        {
            return Task.FromResult<IReadOnlyList<OperatorRequest>>([]);
        }

        string[] files;
        try
        {
            files = Directory.GetFiles(_directory, "*" + Extension);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new OperatorInboxException($"The operator inbox '{_directory}' cannot be listed ({e.Message}). Check that this user may read it, then run again.", e);
        }

        var requests = new List<OperatorRequest>();
        foreach (var file in files.Order(StringComparer.Ordinal))
        {
            string? problem;
            try
            {
                var request = JsonSerializer.Deserialize<OperatorRequest>(File.ReadAllBytes(file), JournalJson.Options);
                problem = Problem(request, Path.GetFileName(file));
                if (problem is null)
                {
                    requests.Add(request!);
                    continue;
                }
            }
            catch (FileNotFoundException)
            {
                // Completed by the engine between listing and reading.
                continue;
            }
            catch (Exception e) when (e is JsonException or NotSupportedException or IOException or UnauthorizedAccessException)
            {
                problem = $"it cannot be read ({e.Message})";
            }

            Reject(file, problem);
        }

        return Task.FromResult<IReadOnlyList<OperatorRequest>>(requests);
    }

    public Task CompleteAsync(string requestId, CancellationToken cancellationToken)
    {
        // Only a hexadecimal id names files: anything else could act as a pattern and remove other requests.
        if (OperatorRequest.IsValidId(requestId) && Directory.Exists(_directory))
        {
            foreach (var file in Directory.GetFiles(_directory, $"*-{requestId}{Extension}"))
            {
                File.Delete(file);
            }
        }

        return Task.CompletedTask;
    }

    public IReadOnlyList<string> TakeRejections()
    {
        var taken = _rejections.ToList();
        _rejections.Clear();
        return taken;
    }

    private static string? Problem(OperatorRequest? request, string fileName) => request switch
    {
        null => "it holds no request",
        { Id: var id } when !OperatorRequest.IsValidId(id) => $"its id '{id}' is not 1 to 64 hexadecimal digits",
        { RequestedBy: null } => "it does not say who made it (requestedBy)",
        _ when !Enum.IsDefined(request.Action) => $"its action {request.Action} is unknown",
        _ when !fileName.EndsWith($"-{request.Id}{Extension}", StringComparison.Ordinal) => $"its name does not end with its id '{request.Id}'",
        _ => null,
    };

    private void Reject(string file, string problem)
    {
        var rejected = file + RejectedExtension;
        string where;
        try
        {
            File.Move(file, rejected, overwrite: true);
            where = $"it was renamed to '{rejected}'";
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Still skipped on every read; reported once, so the notices do not repeat every poll.
            if (!_reported.Add(file))
            {
                return;
            }

            where = $"it could not be set aside ({e.Message}) and is skipped";
        }

        _rejections.Add($"The operator request file '{file}' was rejected: {problem}; {where}. Make the request again with the bluegreen command.");
    }
}
