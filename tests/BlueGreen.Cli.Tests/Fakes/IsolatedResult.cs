namespace BlueGreen.Cli.Tests.Fakes;

/// <summary>What an isolated run printed and left behind.</summary>
internal sealed record IsolatedResult(int ExitCode, string Output, IReadOnlyList<string> ChangedPaths, IReadOnlyList<int> LeftProcesses, IReadOnlyList<string> AwsRequests);
