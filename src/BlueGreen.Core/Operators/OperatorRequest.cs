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
    /// <summary>A new request by this process's user, stamped with <paramref name="time"/>'s clock.</summary>
    public static OperatorRequest Create(OperatorAction action, TimeProvider time, bool force = false)
    {
        ArgumentNullException.ThrowIfNull(time);
        return new(Guid.NewGuid().ToString("N")[..16], action, force, LockHolder.Current().ToString(), time.GetUtcNow());
    }
}
