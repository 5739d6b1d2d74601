namespace BlueGreen.Infrastructure;

/// <summary>The CloudFormation stack names of an environment: <c>&lt;env&gt;-common</c>, <c>&lt;env&gt;-ci</c>, <c>&lt;env&gt;-&lt;colour&gt;</c>.</summary>
public static class StackNames
{
    public static string Common(string environment) => $"{environment}-common";

    public static string Ci(string environment) => $"{environment}-ci";

    public static string Cluster(string environment, string colour) => $"{environment}-{colour}";
}
