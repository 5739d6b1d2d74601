using BlueGreen.GitOps.Checks;
using BlueGreen.GitOps.Manifests;
using BlueGreen.GitOps.Rendering;
using BlueGreen.GitOps.Tests.Support;

namespace BlueGreen.GitOps.Tests.Checks;

public class WorkloadRulesTests
{
    private static IReadOnlyList<string> Check(RenderedTree tree, string path) =>
        ManifestReader.Read(tree.Find(path)!).SelectMany(WorkloadRules.Check).ToList();

    [Fact]
    public void Passes_EveryRenderedManifest()
    {
        Assert.Empty(Parsed.All(Trees.Default()).SelectMany(WorkloadRules.Check));
    }

    [Theory]
    [InlineData("registry.k8s.io/external-dns/external-dns:v0.23.0")]
    [InlineData("localhost:5000/app:1.2.3")]
    [InlineData("111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/app@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef")]
    public void Accepts_AnImagePinnedByTagOrDigest(string image)
    {
        Assert.Null(WorkloadRules.ImageProblem(image));
    }

    [Theory]
    [InlineData("nginx", "has no tag")]
    [InlineData("localhost:5000/app", "has no tag")]
    [InlineData("app:", "has no tag")]
    [InlineData("registry.example/app:latest", "uses :latest")]
    [InlineData("", "is empty")]
    public void Rejects_AnImageThatCanChangeUnderTheSameName(string image, string reason)
    {
        Assert.StartsWith(reason, WorkloadRules.ImageProblem(image), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(":20250701-000000-initial\"", ":latest\"", "uses :latest")]
    [InlineData(":20250701-000000-initial\"", "\"", "has no tag")]
    public void Fails_ADeploymentWhoseImageIsNotPinned(string oldText, string newText, string reason)
    {
        var tree = Trees.Default().Replace("blue/sample-app/deployment.yaml", oldText, newText);

        Assert.Contains(reason, Assert.Single(Check(tree, "blue/sample-app/deployment.yaml")), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("        readinessProbe:\n          failureThreshold: 2\n          httpGet:\n            path: /readyz\n            port: http\n          periodSeconds: 5\n          timeoutSeconds: 2\n", "", "no readiness probe")]
    [InlineData("        livenessProbe:\n          failureThreshold: 3\n          httpGet:\n            path: /healthz\n            port: http\n          periodSeconds: 10\n          timeoutSeconds: 2\n", "", "no liveness probe")]
    [InlineData("            cpu: 300m\n", "", "does not request both cpu and memory")]
    [InlineData("        resources:\n          limits:\n            memory: 512Mi\n", "        resources:\n", "no memory limit")]
    [InlineData("        runAsNonRoot: true\n        runAsUser: 1654\n", "        runAsUser: 0\n", "may run as root")]
    [InlineData("          readOnlyRootFilesystem: true\n", "", "writable root filesystem")]
    [InlineData("          allowPrivilegeEscalation: false\n", "", "allows privilege escalation")]
    [InlineData("            - ALL\n", "            - NET_RAW\n", "keeps Linux capabilities")]
    public void Fails_ADeploymentWithoutProbesResourcesOrANonRootLockedDownContainer(string oldText, string newText, string reason)
    {
        var tree = Trees.Default().Replace("green/sample-app/deployment.yaml", oldText, newText);

        Assert.Contains(reason, Assert.Single(Check(tree, "green/sample-app/deployment.yaml")), StringComparison.Ordinal);
    }

    [Fact]
    public void Checks_ImagesOfOtherWorkloads_ButProbesOnlyOfDeployments()
    {
        var job = new RenderedFile("blue/extra/job.yaml", "apiVersion: batch/v1\nkind: Job\nmetadata:\n  name: seed\nspec:\n  template:\n    spec:\n      restartPolicy: Never\n      containers:\n      - name: seed\n        image: busybox\n");

        var violation = Assert.Single(ManifestReader.Read(job).SelectMany(WorkloadRules.Check));

        Assert.Contains("container 'seed' image 'busybox' has no tag", violation, StringComparison.Ordinal);
    }
}
