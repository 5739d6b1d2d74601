using BlueGreen.Cli.Composition;
using BlueGreen.Core.Engine;
using BlueGreen.Sandbox.Control;

namespace BlueGreen.Cli.Targets;

/// <summary>Failures of a target's services that a person can act on: reported as a sentence with exit code 1.</summary>
public static class TargetErrors
{
    public static bool IsExpected(Exception e) => e is CutoverException or SandboxUnreachableException || AwsModeErrors.IsExpected(e);

    public static string Describe(Exception e) => AwsModeErrors.Describe(e);
}
