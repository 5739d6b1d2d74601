using System.Text.Json;
using BlueGreen.Core.Journal;

namespace BlueGreen.Sandbox.Control;

/// <summary>What <c>bluegreen sandbox up</c> writes so other commands can find the running sandbox.</summary>
public sealed record SandboxState
{
    /// <summary>The file's name inside the state directory.</summary>
    public const string FileName = "sandbox.json";

    /// <summary>Process id of the <c>sandbox up</c> process.</summary>
    public required int Pid { get; init; }

    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Base address of the control API, e.g. http://127.0.0.1:40123/.</summary>
    public required Uri Control { get; init; }

    /// <summary>The DNS server, e.g. 127.0.0.1:53535 (UDP).</summary>
    public required string Dns { get; init; }

    public required string ServiceName { get; init; }

    public required int ServicePort { get; init; }

    /// <summary>Each colour's load balancer address.</summary>
    public required IReadOnlyDictionary<string, string> Colours { get; init; }

    /// <summary>Everything the sandbox started: dynalite and the app instances.</summary>
    public required IReadOnlyList<int> ProcessIds { get; init; }

    /// <summary>The AWS-compatible endpoint whose Route53 zone the sandbox's DNS server follows; null when the sandbox owns its records.</summary>
    public Uri? AwsEndpoint { get; init; }

    /// <summary>With <see cref="AwsEndpoint"/>: each colour's load balancer name, as the weighted alias records name it.</summary>
    public IReadOnlyDictionary<string, string>? LoadBalancers { get; init; }

    /// <summary>The sandbox's state directory for a configuration file: <c>.bluegreen</c> beside it.</summary>
    public static string DirectoryFor(string configPath) =>
        Path.Combine(Path.GetDirectoryName(Path.GetFullPath(configPath))!, ".bluegreen");

    /// <summary>The engine's journal, lock and requests for the sandbox of a configuration file.</summary>
    public static string EngineDirectoryFor(string configPath) => Path.Combine(DirectoryFor(configPath), "sandbox");

    public static SandboxState? Read(string configPath)
    {
        var path = Path.Combine(DirectoryFor(configPath), FileName);
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<SandboxState>(File.ReadAllText(path), JournalJson.Options);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    public void Write(string configPath)
    {
        var directory = DirectoryFor(configPath);
        Directory.CreateDirectory(directory);
        var temporary = Path.Combine(directory, FileName + ".tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, JournalJson.Options));
        File.Move(temporary, Path.Combine(directory, FileName), overwrite: true);
    }

    public static void Delete(string configPath) => File.Delete(Path.Combine(DirectoryFor(configPath), FileName));
}
