using BlueGreen.Core.Engine;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>
/// What the rehearsal's engine acts on besides the sandbox's colours: a traffic router, journal, lock and operator
/// inbox (the AWS-mode adapters against an AWS-compatible endpoint), in place of the sandbox's own.
/// </summary>
public sealed record RehearsalTarget : IAsyncDisposable
{
    /// <summary><c>aws</c> for the AWS-mode adapters; <c>sandbox</c> for the sandbox's own zone and files.</summary>
    public required string Kind { get; init; }

    /// <summary>Where the target is, in a sentence for the report and the console.</summary>
    public required string Description { get; init; }

    /// <summary>The engine's services, without observers.</summary>
    public required CutoverServices Services { get; init; }

    /// <summary>Released after the report is written.</summary>
    public IDisposable? Resources { get; init; }

    public ValueTask DisposeAsync()
    {
        Resources?.Dispose();
        return ValueTask.CompletedTask;
    }
}
