using System.Diagnostics;

namespace BlueGreen.Sandbox.Processes;

/// <summary>
/// Starts a child in a session (and so a process group) of its own through <c>setsid</c>: Ctrl+C
/// in a terminal signals the whole foreground group, and a child in that group would die before
/// the parent has decided how to stop. In its own group it only stops when the parent says so.
/// </summary>
public static class OwnSession
{
    private const string SetSid = "/usr/bin/setsid";

    /// <summary>Whether children can be given a session of their own on this machine.</summary>
    public static bool IsAvailable { get; } = OperatingSystem.IsLinux() && File.Exists(SetSid);

    /// <summary>
    /// The program and the arguments that run <paramref name="program"/> in its own session, to put
    /// in front of its own arguments. <c>setsid</c> executes the program in place (a freshly started
    /// child is never a group leader, so it does not fork): the pid and a parent-death signal set
    /// before it stay those of the program.
    /// </summary>
    public static IReadOnlyList<string> Prefix(string program) => IsAvailable ? [SetSid, program] : [program];

    /// <summary>Rewrites <paramref name="start"/> so its program runs in a session of its own.</summary>
    public static void Apply(ProcessStartInfo start)
    {
        ArgumentNullException.ThrowIfNull(start);
        if (!IsAvailable)
        {
            return;
        }

        start.ArgumentList.Insert(0, start.FileName);
        start.FileName = SetSid;
    }
}
