using BlueGreen.Sandbox.Hosting;

namespace BlueGreen.Sandbox.Rehearsal;

/// <summary>Builds what a rehearsal's engine acts on in place of the sandbox's own zone and files (the AWS-path rehearsal).</summary>
public interface IRehearsalTargetFactory
{
    /// <summary>Before the sandbox starts: sets the target up (zone, bucket, first records) and returns the sandbox's options adjusted to it (the records its DNS server follows).</summary>
    Task<SandboxOptions> PrepareAsync(SandboxOptions sandbox, CancellationToken cancellationToken);

    /// <summary>Once the sandbox runs: the engine's services over the target and the sandbox's colours.</summary>
    Task<RehearsalTarget> CreateAsync(SandboxHost host, CancellationToken cancellationToken);
}
