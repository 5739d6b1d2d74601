using BlueGreen.Core.Configuration;
using BlueGreen.Sandbox.Faults;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>One rehearsal: the environment, the faults to inject, and where the report goes.</summary>
public sealed record RehearsalOptions
{
    public required EnvironmentConfig Config { get; init; }

    public IReadOnlyList<ColourFault> Faults { get; init; } = [];

    /// <summary>The directory of this rehearsal's report, e.g. artifacts/rehearsal-20260101T101500Z.</summary>
    public required string ReportDirectory { get; init; }

    /// <summary>How long the load keeps running after the old colour is stopped, to show nobody still reaches it.</summary>
    public TimeSpan AfterStop { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>How often the live view is refreshed.</summary>
    public TimeSpan RefreshPeriod { get; init; } = TimeSpan.FromMilliseconds(500);

    /// <summary>
    /// The engine's router, journal, lock and inbox, built once the sandbox runs (the AWS-path rehearsal); null: the
    /// sandbox's own DNS zone, and files under the report's <c>state/</c>.
    /// </summary>
    public IRehearsalTargetFactory? Target { get; init; }

    /// <summary>Changes to the sandbox before it starts (ports, the sample app's path); none by default.</summary>
    public Func<Hosting.SandboxOptions, Hosting.SandboxOptions> Adjust { get; init; } = o => o;
}
