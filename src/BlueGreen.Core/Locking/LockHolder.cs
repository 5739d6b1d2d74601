using System.Globalization;

namespace BlueGreen.Core.Locking;

/// <summary>Who holds a lock: user, host and process id.</summary>
public sealed record LockHolder(string User, string Host, int Pid)
{
    /// <summary>This process.</summary>
    public static LockHolder Current() => new(Environment.UserName, Environment.MachineName, Environment.ProcessId);

    /// <summary>e.g. <c>alice@build-7 (pid 4242)</c>.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{User}@{Host} (pid {Pid})");
}
