using BlueGreen.Core.Traffic;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>One call the engine made on the router.</summary>
internal sealed record RouterCall(string Action, Weights? Weights)
{
    /// <summary>Records in the journal when the call was made; ties calls to the events before them.</summary>
    public int JournalLength { get; init; }

    public static RouterCall Get() => new("get", null);

    public static RouterCall Set(Weights weights) => new("set", weights);

    public static RouterCall Verify(Weights weights) => new("verify", weights);

    public override string ToString() => Weights is null ? Action : $"{Action} {Weights}";
}
