using System.Text.Json.Serialization;

namespace BlueGreen.Core.Engine;

/// <summary>Where an upgrade stands. Closed hierarchy; terminal phases end the engine's run.</summary>
/// <remarks>Serialized with its kind in <c>phase</c> and its data beside it, e.g. for <c>--output json</c>.</remarks>
[JsonPolymorphic(TypeDiscriminatorPropertyName = "phase")]
[JsonDerivedType(typeof(PendingPhase), "Pending")]
[JsonDerivedType(typeof(VerifyingCandidate), "VerifyingCandidate")]
[JsonDerivedType(typeof(Shifting), "Shifting")]
[JsonDerivedType(typeof(Paused), "Paused")]
[JsonDerivedType(typeof(Draining), "Draining")]
[JsonDerivedType(typeof(Completed), "Completed")]
[JsonDerivedType(typeof(RollingBack), "RollingBack")]
[JsonDerivedType(typeof(RolledBack), "RolledBack")]
[JsonDerivedType(typeof(Aborted), "Aborted")]
public abstract record CutoverPhase
{
    private protected CutoverPhase()
    {
    }

    /// <summary>Before the candidate's verification (also before the first event).</summary>
    public static CutoverPhase Pending { get; } = new PendingPhase();

    /// <summary>Whether nothing more happens in this phase.</summary>
    public virtual bool IsTerminal => false;

    /// <summary>Short name for views and reports.</summary>
    public abstract string Name { get; }

    /// <summary>Nothing done yet.</summary>
    public sealed record PendingPhase : CutoverPhase
    {
        public override string Name => "Pending";
    }

    /// <summary>The candidate serves its own probes at 0 % for the verification window.</summary>
    public sealed record VerifyingCandidate : CutoverPhase
    {
        public override string Name => "VerifyingCandidate";
    }

    /// <summary>Working on step <paramref name="Step"/>; <paramref name="Baking"/> once its weights are set and the gates run.</summary>
    public sealed record Shifting(int Step, bool Baking) : CutoverPhase
    {
        public override string Name => "Shifting";
    }

    /// <summary>Held with the weights unchanged until resumed; <paramref name="Underlying"/> is what resumes.</summary>
    public sealed record Paused(PauseReason Reason, string Detail, CutoverPhase Underlying) : CutoverPhase
    {
        public override string Name => "Paused";
    }

    /// <summary>All traffic on the candidate; waiting for resolvers' caches to expire.</summary>
    public sealed record Draining : CutoverPhase
    {
        public override string Name => "Draining";
    }

    /// <summary>The upgrade finished; the old colour may be decommissioned.</summary>
    public sealed record Completed : CutoverPhase
    {
        public override bool IsTerminal => true;

        public override string Name => "Completed";
    }

    /// <summary>Moving all traffic back to the live colour.</summary>
    public sealed record RollingBack(string Reason, bool Abort) : CutoverPhase
    {
        public override string Name => "RollingBack";
    }

    /// <summary>Traffic is back on the live colour after a failed gate or an operator's rollback.</summary>
    public sealed record RolledBack(string Reason) : CutoverPhase
    {
        public override bool IsTerminal => true;

        public override string Name => "RolledBack";
    }

    /// <summary>Traffic is back on the live colour after an operator's abort or a degraded live colour.</summary>
    public sealed record Aborted(string Reason) : CutoverPhase
    {
        public override bool IsTerminal => true;

        public override string Name => "Aborted";
    }
}
