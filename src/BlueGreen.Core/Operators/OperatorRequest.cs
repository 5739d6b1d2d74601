using BlueGreen.Core.Locking;

namespace BlueGreen.Core.Operators;

/// <summary>One operator request, identified so that the engine applies it exactly once.</summary>
/// <param name="Id">Unique id; the journal records it when the request is handled.</param>
/// <param name="Action">What to do.</param>
/// <param name="Force">Promote only: skip the gate of the current interval.</param>
/// <param name="RequestedBy">Who asked, as user@host (pid n).</param>
/// <param name="RequestedAt">When the request was made.</param>
public sealed record OperatorRequest(string Id, OperatorAction Action, bool Force, string RequestedBy, DateTimeOffset RequestedAt)
{
    /// <summary>
    /// The id of the upgrade this request is for (<see cref="Engine.CutoverState.UpgradeId"/>); an engine
    /// running another upgrade ignores it. Null only from an inbox that does not stamp requests (the
    /// in-memory one of tests): then the upgrade in progress takes it.
    /// </summary>
    public string? Upgrade { get; init; }

    /// <summary>Whether <paramref name="id"/> is a request id: 1 to 64 hexadecimal digits, as <see cref="Create"/> makes them.</summary>
    public static bool IsValidId(string? id) => id is { Length: > 0 and <= 64 } && id.All(char.IsAsciiHexDigit);

    /// <summary>A new request by this process's user, stamped with <paramref name="time"/>'s clock.</summary>
    public static OperatorRequest Create(OperatorAction action, TimeProvider time, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(Guid.NewGuid().ToString("N")[..16], action, force, LockHolder.Current().ToString(), time.GetUtcNow());
    }
}
