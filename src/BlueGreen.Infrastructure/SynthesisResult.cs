namespace BlueGreen.Infrastructure;

/// <summary>What a synthesis wrote: the cloud assembly directory and one template per stack.</summary>
public sealed record SynthesisResult(string Directory, IReadOnlyList<SynthesizedStack> Stacks);
