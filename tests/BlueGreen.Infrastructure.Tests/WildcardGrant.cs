namespace BlueGreen.Infrastructure.Tests;

/// <summary>An action reviewed to need Resource "*", the policy that may hold it, and why.</summary>
internal sealed record WildcardGrant(string Action, string Holder, string Reason);
