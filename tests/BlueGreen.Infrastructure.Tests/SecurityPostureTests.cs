using System.Text.Json.Nodes;

namespace BlueGreen.Infrastructure.Tests;

/// <summary>Storage and key settings across every stack of both configurations, and the absence of cross-stack exports.</summary>
[Collection(SynthesizedCollection.Name)]
public sealed class SecurityPostureTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private IEnumerable<(string Stack, JsonObject Template)> EveryStack =>
        defaults.Json.Concat(allOptions.Json).Select(s => (s.Key, s.Value));

    private IEnumerable<(string Stack, JsonObject Template, string Id, JsonObject Bucket)> EveryBucket =>
        EveryStack.SelectMany(s => TemplateJson.OfType(s.Template, "AWS::S3::Bucket").Select(b => (s.Stack, s.Template, b.LogicalId, b.Resource)));

    [Fact]
    public void ThereAreBucketsToCheck()
    {
        // Journal and CI cache in each configuration, plus the flow log bucket of the one with every option.
        Assert.Equal(5, EveryBucket.Count());
    }

    [Fact]
    public void EveryBucketIsEncrypted()
    {
        Assert.All(EveryBucket, b => Assert.Equal(
            "AES256",
            (string?)b.Bucket["Properties"]!["BucketEncryption"]?["ServerSideEncryptionConfiguration"]?[0]?["ServerSideEncryptionByDefault"]?["SSEAlgorithm"]));
    }

    [Fact]
    public void EveryBucketBlocksAllPublicAccess()
    {
        Assert.All(EveryBucket, b =>
        {
            var block = b.Bucket["Properties"]!["PublicAccessBlockConfiguration"]!.AsObject();
            Assert.Equal(["BlockPublicAcls", "BlockPublicPolicy", "IgnorePublicAcls", "RestrictPublicBuckets"], block.Select(kv => kv.Key).Order(StringComparer.Ordinal));
            Assert.All(block, kv => Assert.True((bool)kv.Value!, $"{b.Stack}/{b.Id}: {kv.Key} is off."));
        });
    }

    [Fact]
    public void EveryBucketDeniesRequestsWithoutTls()
    {
        Assert.All(EveryBucket, b =>
        {
            var policy = Assert.Single(TemplateJson.OfType(b.Template, "AWS::S3::BucketPolicy"), p => (string?)p.Resource["Properties"]!["Bucket"]!["Ref"] == b.Id).Resource;
            var statements = TemplateJson.Many(policy["Properties"]!["PolicyDocument"]!["Statement"]);
            Assert.Contains(statements, s =>
                (string?)s!["Effect"] == "Deny"
                && (string?)s["Action"] == "s3:*"
                && (string?)s["Principal"]?["AWS"] == "*"
                && (string?)s["Condition"]?["Bool"]?["aws:SecureTransport"] == "false"
                && TemplateJson.Many(s["Resource"]).Select(TemplateJson.Flatten).Order(StringComparer.Ordinal)
                    .SequenceEqual(["${" + b.Id + ".Arn}", "${" + b.Id + ".Arn}/*"]));
        });
    }

    [Fact]
    public void EveryKmsKeyRotates()
    {
        var keys = EveryStack.SelectMany(s => TemplateJson.OfType(s.Template, "AWS::KMS::Key")).ToList();

        Assert.Equal(5, keys.Count);
        Assert.All(keys, k => Assert.True((bool?)k.Resource["Properties"]!["EnableKeyRotation"] == true, k.LogicalId));
    }

    [Fact]
    public void NoClusterStackImportsAValue()
    {
        var clusterStacks = EveryStack.Where(s => s.Template["Resources"]!.AsObject().Any(r => (string?)r.Value!["Type"] == "AWS::EKS::Cluster")).ToList();

        Assert.Equal(5, clusterStacks.Count);
        Assert.All(clusterStacks, s => Assert.Empty(TemplateJson.FindKey(s.Template, "Fn::ImportValue")));
    }

    [Fact]
    public void NoStackExportsAValue_SoNoStackCanBlockAnother()
    {
        Assert.All(EveryStack, s => Assert.Empty(TemplateJson.FindKey(s.Template["Outputs"], "Export")));
        Assert.All(EveryStack, s => Assert.Empty(TemplateJson.FindKey(s.Template, "Fn::ImportValue")));
    }
}
