using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

[Collection(SynthesizedCollection.Name)]
public sealed class InfrastructureAppTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    /// <summary>Resource types CloudFormation cannot tag.</summary>
    private static readonly HashSet<string> Untaggable =
    [
        "AWS::EC2::VPCGatewayAttachment", "AWS::EC2::Route", "AWS::EC2::SubnetRouteTableAssociation", "AWS::EC2::VPCEndpoint",
        "AWS::Route53::RecordSet", "AWS::IAM::Policy", "AWS::S3::BucketPolicy", "AWS::SSM::Parameter",
    ];

    [Fact]
    public void WritesATemplatePerStack_CommonCiAndOnePerColour()
    {
        Assert.Equal(["test-blue", "test-ci", "test-common", "test-green"], defaults.Result.Stacks.Select(s => s.Name).Order(StringComparer.Ordinal));
        Assert.All(defaults.Result.Stacks, s => Assert.True(File.Exists(s.TemplatePath), s.TemplatePath));
        Assert.All(defaults.Result.Stacks, s => Assert.StartsWith(defaults.Result.Directory, s.TemplatePath, StringComparison.Ordinal));
    }

    [Fact]
    public void TagsEveryTaggableResourceWithEnvironmentAndManagedBy_AndClusterResourcesWithTheirColour()
    {
        foreach (var (stack, template) in defaults.Json)
        {
            var colour = defaults.Config.Clusters.SingleOrDefault(c => StackNames.Cluster("test", c.Colour) == stack)?.Colour;
            foreach (var (id, resource) in template["Resources"]!.AsObject())
            {
                if (Untaggable.Contains((string)resource!["Type"]!))
                {
                    continue;
                }

                var tags = Tags(resource["Properties"]?["Tags"] ?? resource["Properties"]?["HostedZoneTags"]);
                Assert.True(tags.GetValueOrDefault("environment") == "test", $"{stack}/{id} lacks environment=test.");
                Assert.True(tags.GetValueOrDefault("managed-by") == "bluegreen", $"{stack}/{id} lacks managed-by=bluegreen.");
                Assert.True(tags.GetValueOrDefault("colour") == colour, $"{stack}/{id} has colour '{tags.GetValueOrDefault("colour")}', expected '{colour}'.");
            }
        }
    }

    [Fact]
    public void OrdersEveryClusterStackAfterTheCommonStack()
    {
        var manifest = JsonNode.Parse(File.ReadAllText(Path.Combine(defaults.Result.Directory, "manifest.json")))!;

        Assert.All(["test-blue", "test-green"], stack =>
            Assert.Contains("test-common", manifest["artifacts"]![stack]!["dependencies"]!.AsArray().Select(d => (string?)d)));
        // The region is fixed, the account is not: one template deploys to whichever account runs it.
        Assert.Equal("aws://unknown-account/ap-northeast-1", (string?)manifest["artifacts"]!["test-blue"]!["environment"]);
    }

    [Fact]
    public void BindsBothClustersToTheSameSharedParameters()
    {
        var blue = defaults.Json[StackNames.Cluster("test", "blue")];
        var green = defaults.Json[StackNames.Cluster("test", "green")];

        Assert.True(JsonNode.DeepEquals(blue["Parameters"], green["Parameters"]));
        Assert.Equal(Associations(blue), Associations(green));
        Assert.Equal(3, Associations(blue).Count);
    }

    [Fact]
    public void AThirdColourYieldsAThirdClusterStack_EqualToTheOthersButForNameAndVersion()
    {
        Assert.Equal(["test-blue", "test-ci", "test-common", "test-green", "test-purple"], allOptions.Result.Stacks.Select(s => s.Name).Order(StringComparer.Ordinal));

        var blue = Normalized(allOptions.Json[StackNames.Cluster("test", "blue")], "blue");
        var purple = Normalized(allOptions.Json[StackNames.Cluster("test", "purple")], "purple");

        Assert.Equal(blue.ToJsonString(), purple.ToJsonString());
    }

    [Fact]
    public void RejectsABadConfigurationBeforeSynthesizing()
    {
        var config = TestConfigs.Default() with { Clusters = [TestConfigs.Cluster("common", "1.33")] };
        var directory = Path.Combine(Path.GetTempPath(), "bluegreen-never-" + Guid.NewGuid().ToString("N"));

        var error = Assert.Throws<InfrastructureConfigException>(() => InfrastructureApp.Synthesize(config, directory));

        Assert.Contains("clusters[0].colour", error.Message, StringComparison.Ordinal);
        Assert.False(Directory.Exists(directory));
    }

    // Everything but the tags, which carry the colour.
    private static List<string> Associations(JsonObject template) =>
        [.. TemplateJson.OfType(template, "AWS::EKS::PodIdentityAssociation")
            .Select(a =>
            {
                var properties = a.Resource["Properties"]!.DeepClone().AsObject();
                properties.Remove("Tags");
                return properties.ToJsonString();
            })
            .Order(StringComparer.Ordinal)];

    // The colour's names, its version and the add-on versions that go with it are the only differences a colour may make.
    private static JsonNode Normalized(JsonObject template, string colour)
    {
        var copy = template.DeepClone().AsObject();
        copy["Resources"]!["Cluster"]!["Properties"]!["Version"] = "<version>";
        foreach (var (_, addon) in TemplateJson.OfType(copy, "AWS::EKS::Addon"))
        {
            addon["Properties"]!["AddonVersion"] = "<add-on version>";
        }

        var text = copy.ToJsonString()
            .Replace($"test-{colour}", "test-<colour>", StringComparison.Ordinal)
            .Replace($"\"colour\",\"Value\":\"{colour}\"", "\"colour\",\"Value\":\"<colour>\"", StringComparison.Ordinal)
            .Replace($"\"colour\":\"{colour}\"", "\"colour\":\"<colour>\"", StringComparison.Ordinal);
        Assert.DoesNotContain($"\"{colour}\"", text, StringComparison.Ordinal);
        return JsonNode.Parse(text)!;
    }

    private static Dictionary<string, string> Tags(JsonNode? tags) => tags switch
    {
        JsonArray list => list.ToDictionary(t => (string)t!["Key"]!, t => (string)t!["Value"]!),
        JsonObject map => map.ToDictionary(t => t.Key, t => (string)t.Value!),
        _ => [],
    };
}
