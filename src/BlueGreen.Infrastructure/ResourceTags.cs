namespace BlueGreen.Infrastructure;

/// <summary>The tags every resource carries, so a bill, a console search or a leftover check can tell what is ours.</summary>
public static class ResourceTags
{
    public const string Environment = "environment";

    /// <summary>Only on a cluster stack's resources.</summary>
    public const string Colour = "colour";

    public const string ManagedBy = "managed-by";

    /// <summary>Value of <see cref="ManagedBy"/>.</summary>
    public const string ManagedByValue = "bluegreen";

    /// <summary>The tags of a resource outside any colour, as CloudFormation's Key/Value list (an array: the CDK runtime marshals arrays, not every list type).</summary>
    public static object[] ForEnvironment(string environment) =>
    [
        new Dictionary<string, string> { ["Key"] = Environment, ["Value"] = environment },
        new Dictionary<string, string> { ["Key"] = ManagedBy, ["Value"] = ManagedByValue },
    ];
}
