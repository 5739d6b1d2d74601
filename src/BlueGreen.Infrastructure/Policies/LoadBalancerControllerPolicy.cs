using System.Text.Json;
using Amazon.CDK.AWS.IAM;

namespace BlueGreen.Infrastructure.Policies;

/// <summary>The AWS Load Balancer Controller's published IAM policy, shipped as data inside this assembly.</summary>
public static class LoadBalancerControllerPolicy
{
    /// <summary>File name of the embedded policy; the README beside it names its source.</summary>
    public const string FileName = "aws-load-balancer-controller-v2.13-iam-policy.json";

    /// <summary>The policy text exactly as published.</summary>
    public static string Json()
    {
        var name = $"{typeof(LoadBalancerControllerPolicy).Namespace}.{FileName}";
        using var stream = typeof(LoadBalancerControllerPolicy).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"The assembly lacks the embedded resource '{name}'; rebuild BlueGreen.Infrastructure.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    /// <summary>The policy as a CDK document.</summary>
    public static PolicyDocument Document()
    {
        using var json = JsonDocument.Parse(Json());
        return PolicyDocument.FromJson(JsonValues.ToPlain(json.RootElement)!);
    }
}
