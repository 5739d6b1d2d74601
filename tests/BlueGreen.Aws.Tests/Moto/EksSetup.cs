using System.Net.Http.Json;
using BlueGreen.Aws.Signing;

namespace BlueGreen.Aws.Tests.Moto;

/// <summary>Creates in moto's EKS what a colour's stack creates: the cluster at its version and its managed node group.</summary>
internal sealed class EksSetup(MotoFixture moto, string region)
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(30) };

    public async Task CreateClusterAsync(string name, string version, string nodeGroup, string nodeVersion)
    {
        await PostAsync("/clusters", new
        {
            name,
            version,
            roleArn = "arn:aws:iam::123456789012:role/cluster",
            resourcesVpcConfig = new { subnetIds = new[] { "subnet-1" } },
        });
        await PostAsync($"/clusters/{name}/node-groups", new
        {
            nodegroupName = nodeGroup,
            version = nodeVersion,
            nodeRole = "arn:aws:iam::123456789012:role/node",
            subnets = new[] { "subnet-1" },
            instanceTypes = new[] { "m7i.large" },
        });
    }

    private async Task PostAsync(string path, object body)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, new Uri(moto.Endpoint, path)) { Content = JsonContent.Create(body) };
        await new SigV4RequestSigner(MotoFixture.Credentials, region, "eks", TimeProvider.System).SignAsync(request, CancellationToken.None);
        using var response = await Http.SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"moto refused the setup request POST {path}: {(int)response.StatusCode} {text}");
    }
}
