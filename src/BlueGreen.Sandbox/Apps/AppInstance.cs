using BlueGreen.Sandbox.Processes;

namespace BlueGreen.Sandbox.Apps;

/// <summary>One running sample-app process of a colour.</summary>
/// <param name="Colour">The colour it belongs to.</param>
/// <param name="Index">1-based number within the colour.</param>
/// <param name="Address">Where it listens, e.g. http://127.0.0.1:41234/.</param>
/// <param name="Process">The process.</param>
public sealed record AppInstance(string Colour, int Index, Uri Address, SupervisedProcess Process)
{
    public string Name => $"{Colour}-app-{Index}";
}
