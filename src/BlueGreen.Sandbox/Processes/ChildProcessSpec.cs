namespace BlueGreen.Sandbox.Processes;

/// <summary>What to start: a program, its arguments and environment, and a name for messages.</summary>
public sealed record ChildProcessSpec
{
    /// <summary>A short name for messages and the report, e.g. <c>green-app-1</c>.</summary>
    public required string Name { get; init; }

    public required string FileName { get; init; }

    public IReadOnlyList<string> Arguments { get; init; } = [];

    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    public string? WorkingDirectory { get; init; }
}
