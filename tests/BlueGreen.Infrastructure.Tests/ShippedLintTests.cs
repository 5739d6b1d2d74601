using System.Diagnostics;
using System.Text.Json.Nodes;
using BlueGreen.Tests;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>
/// CI's lint (scripts/lint-shipped, scripts/validate-manifests) passes on what is shipped and fails on a broken
/// template or manifest; it runs the real cfn-lint and the vendored schemas.
/// </summary>
[Collection(SynthesizedCollection.Name)]
public sealed class ShippedLintTests(DefaultApp defaults) : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-lint-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Exit, string Output) Run(string script, params string[] arguments)
    {
        var start = new ProcessStartInfo(RepositoryRoot.Combine("scripts", script)) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepositoryRoot.Path };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(5)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{script} did not finish in 5 minutes.");
        }

        return (process.ExitCode, output.Result + error.Result);
    }

    private string Templates(Action<JsonObject>? breakCluster = null)
    {
        var directory = Directory.CreateDirectory(Path.Combine(_dir, "templates")).FullName;
        foreach (var stack in defaults.Result.Stacks)
        {
            var template = JsonNode.Parse(File.ReadAllText(stack.TemplatePath))!.AsObject();
            if (stack.Name == "test-blue")
            {
                breakCluster?.Invoke(template);
            }

            File.WriteAllText(Path.Combine(directory, Path.GetFileName(stack.TemplatePath)), template.ToJsonString());
        }

        return directory;
    }

    [Fact]
    public void PassesOnTheSynthesizedTemplatesAndTheCommittedTree()
    {
        var (exit, output) = Run("lint-shipped", RepositoryRoot.Combine("deploy"), Templates());

        Assert.True(exit == 0, output);
        Assert.Contains("cfn-lint: 4 templates of templates, 0 errors, 0 warnings", output, StringComparison.Ordinal);
        Assert.Contains("Manifests: 31 valid, 0 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailsOnATemplateError()
    {
        var broken = Templates(t => t["Resources"]!["Cluster"]!["Properties"]!["UpgradePolicy"]!["SupportType"] = "SOMETIMES");

        var (exit, output) = Run("lint-shipped", RepositoryRoot.Combine("deploy"), broken);

        Assert.Equal(1, exit);
        Assert.Matches(@"cfn-lint: 4 templates of templates: [1-9]\d* errors", output);
    }

    [Fact]
    public void FailsOnATemplateWarning_SuchAsARedundantDependsOn()
    {
        var broken = Templates(t => t["Resources"]!["Cluster"]!["DependsOn"] = new JsonArray(TemplateJson.OfType(t, "AWS::IAM::Role").First(r => r.LogicalId.StartsWith("ClusterRole", StringComparison.Ordinal)).LogicalId));

        var (exit, output) = Run("lint-shipped", RepositoryRoot.Combine("deploy"), broken);

        Assert.Equal(1, exit);
        Assert.Contains("W3005", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailsOnAnApplicationFieldTheCrdDoesNotHave_AndOnAWrongType()
    {
        var tree = Path.Combine(_dir, "deploy");
        CopyTree(RepositoryRoot.Combine("deploy"), tree);
        var root = Path.Combine(tree, "blue", "app-of-apps.yaml");
        File.WriteAllText(root, File.ReadAllText(root).Replace("    automated:", "    automatd:", StringComparison.Ordinal));
        var deployment = Path.Combine(tree, "green", "sample-app", "deployment.yaml");
        File.WriteAllText(deployment, File.ReadAllText(deployment).Replace("  replicas: 3", "  replicas: three", StringComparison.Ordinal));

        var (exit, output) = Run("validate-manifests", tree);

        Assert.Equal(1, exit);
        Assert.Contains("argoproj.io/v1alpha1/Application at spec.syncPolicy: Additional properties are not allowed ('automatd' was unexpected)", output, StringComparison.Ordinal);
        Assert.Contains("apps/v1/Deployment at spec.replicas: 'three' is not of type 'integer'", output, StringComparison.Ordinal);
        Assert.Contains("Manifests: 29 valid, 2 invalid", output, StringComparison.Ordinal);
    }

    [Fact]
    public void FailsOnAKindWithoutAVendoredSchema()
    {
        var tree = Directory.CreateDirectory(Path.Combine(_dir, "other")).FullName;
        File.WriteAllText(Path.Combine(tree, "job.yaml"), "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: x\n");

        var (exit, output) = Run("validate-manifests", tree);

        Assert.Equal(1, exit);
        Assert.Contains("no vendored schema for batch/v1/Job", output, StringComparison.Ordinal);
    }

    private static void CopyTree(string from, string to)
    {
        foreach (var file in Directory.EnumerateFiles(from, "*", SearchOption.AllDirectories))
        {
            var target = Path.Combine(to, Path.GetRelativePath(from, file));
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            File.Copy(file, target);
        }
    }
}
