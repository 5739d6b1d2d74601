using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace BlueGreen.Sandbox.Tests.EndToEnd;

/// <summary>
/// A scratch directory with a bluegreen.yaml: the repository's default configuration with the
/// sandbox section replaced by the scenario's load and timings.
/// </summary>
internal sealed partial class SandboxWorkspace : IDisposable
{
    public SandboxWorkspace(SandboxSettings settings)
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("bluegreen-e2e-").FullName;
        var yaml = File.ReadAllText(RepositoryRoot.Combine("bluegreen.yaml"));
        var sandbox = string.Create(CultureInfo.InvariantCulture, $"""
            sandbox:
              zone: test.bluegreen.internal
              ttl: 1
              replicas: {settings.Replicas}
              requestRate: {settings.RequestRate?.ToString(CultureInfo.InvariantCulture) ?? "auto"}
              clients: {settings.Clients}
              seedItems: 20
              bake: {settings.Bake}
              interval: 1s
              drain: {settings.Drain}
              verification: {settings.Verification}

            """);
        yaml = SandboxSection().Replace(yaml, sandbox);
        if (settings.Steps is { } steps)
        {
            yaml = StepsLine().Replace(yaml, $"  steps: [{steps}]");
        }

        File.WriteAllText(ConfigPath, yaml);
    }

    public string Directory { get; }

    public string ConfigPath => Path.Combine(Directory, "bluegreen.yaml");

    public string ReportRoot => Path.Combine(Directory, "artifacts");

    /// <summary>The one rehearsal directory under the report root.</summary>
    public string RehearsalDirectory => Assert.Single(System.IO.Directory.GetDirectories(ReportRoot, "rehearsal-*"));

    public JsonElement Summary() => JsonDocument.Parse(File.ReadAllText(Path.Combine(RehearsalDirectory, "summary.json"))).RootElement;

    public void Dispose()
    {
        try
        {
            System.IO.Directory.Delete(Directory, recursive: true);
        }
        catch (IOException)
        {
            // A scratch directory left behind is harmless.
        }
    }

    [GeneratedRegex(@"^sandbox:\r?\n(?:[ \t]+.*\r?\n?|\r?\n)*", RegexOptions.Multiline)]
    private static partial Regex SandboxSection();

    [GeneratedRegex(@"^  steps: \[[^\]]*\].*$", RegexOptions.Multiline)]
    private static partial Regex StepsLine();
}

/// <summary>A scenario's sandbox load and timings.</summary>
internal sealed record SandboxSettings
{
    public int Replicas { get; init; } = 2;

    /// <summary>User requests per second; null: <c>auto</c>, sized by the calibration.</summary>
    public int? RequestRate { get; init; } = 400;

    public int Clients { get; init; } = 256;

    public string Bake { get; init; } = "6s";

    public string Drain { get; init; } = "3s";

    public string Verification { get; init; } = "2s";

    /// <summary>The plan's steps, e.g. "10, 50, 100"; null keeps the configuration's.</summary>
    public string? Steps { get; init; }
}
