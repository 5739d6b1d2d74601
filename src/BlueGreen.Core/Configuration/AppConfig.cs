namespace BlueGreen.Core.Configuration;

/// <summary>The sample application as each colour runs it.</summary>
public sealed record AppConfig
{
    /// <summary>Image tag pushed by CI (never <c>latest</c>).</summary>
    public required string ImageTag { get; init; }

    /// <summary>The image's digest (<c>sha256:...</c>); when set, nodes pull exactly that image whatever the tag points at.</summary>
    public string? ImageDigest { get; init; }

    public int Replicas { get; init; } = 3;

    public string Cpu { get; init; } = "300m";

    public string Memory { get; init; } = "512Mi";
}
