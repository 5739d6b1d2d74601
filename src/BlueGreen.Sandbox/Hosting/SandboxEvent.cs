using System.Text.Json.Serialization;

namespace BlueGreen.Sandbox.Hosting;

/// <summary>Something the sandbox did: started or stopped a part, changed records, injected a fault.</summary>
/// <param name="At">When it happened.</param>
/// <param name="Kind">What happened, e.g. <c>instance-started</c>.</param>
/// <param name="Colour">The colour concerned; null for the shared parts.</param>
/// <param name="Message">A sentence for people.</param>
public sealed record SandboxEvent(
    DateTimeOffset At,
    string Kind,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Colour,
    string Message);
