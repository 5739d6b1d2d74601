using System.Text.Json.Nodes;
using Amazon.CDK.Assertions;
using BlueGreen.Infrastructure.Ci;
using Obj = System.Collections.Generic.Dictionary<string, object>;

namespace BlueGreen.Infrastructure.Tests;

[Collection(SynthesizedCollection.Name)]
public sealed class CiStackTests(DefaultApp defaults, AllOptionsApp allOptions)
{
    private readonly Template _ci = defaults.Ci;
    private readonly JsonObject _json = defaults.Json[StackNames.Ci("test")];

    [Fact]
    public void HasExactlyTheExpectedResources()
    {
        Assert.Equal(
            ResourceCounts.Expect(
                ("AWS::ECR::Repository", 1), ("AWS::CodeConnections::Connection", 1), ("AWS::S3::Bucket", 1), ("AWS::S3::BucketPolicy", 1),
                ("AWS::Logs::LogGroup", 1), ("AWS::IAM::Role", 1), ("AWS::IAM::Policy", 1), ("AWS::CodeBuild::Project", 1)),
            ResourceCounts.Of(_json));
    }

    [Fact]
    public void CreatesAnImmutableRepository_ScannedOnPush_KeepingTheLastImages()
    {
        _ci.HasResourceProperties("AWS::ECR::Repository", new Obj
        {
            ["RepositoryName"] = "blue-green-ecr",
            ["ImageTagMutability"] = "IMMUTABLE",
            ["ImageScanningConfiguration"] = new Obj { ["ScanOnPush"] = true },
        });
        var lifecycle = JsonNode.Parse((string)TemplateJson.Single(_json, "AWS::ECR::Repository").Resource["Properties"]!["LifecyclePolicy"]!["LifecyclePolicyText"]!)!;
        var selection = Assert.Single(lifecycle["rules"]!.AsArray())!["selection"]!;
        Assert.Equal("imageCountMoreThan", (string?)selection["countType"]);
        Assert.Equal(30, (int)selection["countNumber"]!);
    }

    [Fact]
    public void CreatesAGitHubConnection()
    {
        _ci.HasResourceProperties("AWS::CodeConnections::Connection", new Obj
        {
            ["ConnectionName"] = "test-github",
            ["ProviderType"] = "GitHub",
        });
    }

    [Fact]
    public void ExpiresTheBuildCache()
    {
        _ci.HasResourceProperties("AWS::S3::Bucket", new Obj
        {
            ["LifecycleConfiguration"] = new Obj
            {
                ["Rules"] = new[] { Match.ObjectLike(new Obj { ["ExpirationInDays"] = CiStack.CacheExpiryDays, ["Status"] = "Enabled" }) },
            },
        });
    }

    [Fact]
    public void KeepsBuildLogsForAMonth()
    {
        _ci.HasResourceProperties("AWS::Logs::LogGroup", new Obj
        {
            ["LogGroupName"] = "/aws/codebuild/test-sample-app",
            ["RetentionInDays"] = 30,
        });
    }

    [Fact]
    public void BuildsFromTheRepositoryThroughTheConnection_OnASmallUnprivilegedLinuxImage()
    {
        var connection = TemplateJson.Single(_json, "AWS::CodeConnections::Connection").LogicalId;
        var logs = TemplateJson.Single(_json, "AWS::Logs::LogGroup").LogicalId;
        _ci.HasResourceProperties("AWS::CodeBuild::Project", new Obj
        {
            ["Name"] = "test-sample-app",
            ["Source"] = new Obj
            {
                ["Type"] = "GITHUB",
                ["Location"] = "https://github.com/jnytnai0613/blue-green-upgrade-blueprints.git",
                ["BuildSpec"] = "samples/SampleApp/buildspec.yml",
                ["Auth"] = new Obj { ["Type"] = "CODECONNECTIONS", ["Resource"] = new Obj { ["Ref"] = connection } },
            },
            ["SourceVersion"] = "main",
            ["Environment"] = Match.ObjectLike(new Obj
            {
                ["Type"] = "LINUX_CONTAINER",
                ["ComputeType"] = "BUILD_GENERAL1_SMALL",
                ["Image"] = CiStack.BuildImage,
                ["PrivilegedMode"] = false,
            }),
            ["LogsConfig"] = new Obj { ["CloudWatchLogs"] = new Obj { ["Status"] = "ENABLED", ["GroupName"] = new Obj { ["Ref"] = logs } } },
            ["Cache"] = Match.ObjectLike(new Obj { ["Type"] = "S3" }),
            ["TimeoutInMinutes"] = 15,
        });
    }

    [Fact]
    public void TellsTheBuildWhereToPush()
    {
        var project = TemplateJson.Single(_json, "AWS::CodeBuild::Project").Resource;
        var variables = project["Properties"]!["Environment"]!["EnvironmentVariables"]!.AsArray().Select(v => (string?)v!["Name"]);

        Assert.Equal([BuildspecVariables.RepositoryUri], variables);
        Assert.Contains(
            TemplateJson.Single(_json, "AWS::ECR::Repository").LogicalId,
            TemplateJson.Flatten(project["Properties"]!["Environment"]!["EnvironmentVariables"]![0]!["Value"]),
            StringComparison.Ordinal);
    }

    [Fact]
    public void SetsEveryVariableTheBuildspecRequires()
    {
        var required = Buildspec.RequiredVariables();
        var project = TemplateJson.Single(_json, "AWS::CodeBuild::Project").Resource;
        var set = project["Properties"]!["Environment"]!["EnvironmentVariables"]!.AsArray().Select(v => (string?)v!["Name"]).ToList();

        Assert.NotEmpty(required);
        Assert.All(required, name => Assert.Contains(name, set));
    }

    [Fact]
    public void CreatesNoWebhookUntilTheConnectionIsApproved()
    {
        _ci.HasResourceProperties("AWS::CodeBuild::Project", new Obj { ["Triggers"] = Match.Absent() });
    }

    [Fact]
    public void WithTheWebhookOn_BuildsOnMergedPullRequestsThatTouchTheSampleApp()
    {
        allOptions.Ci.HasResourceProperties("AWS::CodeBuild::Project", new Obj
        {
            ["Triggers"] = new Obj
            {
                ["Webhook"] = true,
                ["FilterGroups"] = new[]
                {
                    new[]
                    {
                        new Obj { ["Type"] = "EVENT", ["Pattern"] = "PULL_REQUEST_MERGED" },
                        new Obj { ["Type"] = "BASE_REF", ["Pattern"] = "^refs/heads/main$" },
                        new Obj { ["Type"] = "FILE_PATH", ["Pattern"] = "^samples/SampleApp/" },
                    },
                },
            },
        });
    }

    [Fact]
    public void LetsTheBuildRolePushOnlyToItsRepository_WriteOnlyItsLogs_AndUseOnlyItsConnection()
    {
        var ids = new Dictionary<string, string>
        {
            ["repository"] = TemplateJson.Single(_json, "AWS::ECR::Repository").LogicalId,
            ["logs"] = TemplateJson.Single(_json, "AWS::Logs::LogGroup").LogicalId,
            ["bucket"] = TemplateJson.Single(_json, "AWS::S3::Bucket").LogicalId,
            ["connection"] = TemplateJson.Single(_json, "AWS::CodeConnections::Connection").LogicalId,
        };
        var statements = PolicyAudit.Statements("ci", _json).ToList();
        string[] Resources(string action) => [.. statements.Where(s => s.Actions.Contains(action)).SelectMany(s => s.Resources).Select(TemplateJson.Flatten)];

        Assert.Equal(["${" + ids["repository"] + ".Arn}"], Resources("ecr:PutImage"));
        Assert.Equal(["${" + ids["repository"] + ".Arn}"], Resources("ecr:DescribeImages"));
        Assert.Equal(["*"], Resources("ecr:GetAuthorizationToken"));
        Assert.Equal(["${" + ids["logs"] + ".Arn}"], Resources("logs:PutLogEvents"));
        Assert.Equal(["${" + ids["bucket"] + ".Arn}/*"], Resources("s3:PutObject"));
        Assert.Equal(["${" + ids["connection"] + "}"], Resources("codeconnections:GetConnectionToken"));
        Assert.DoesNotContain(statements.SelectMany(s => s.Actions), a => a.StartsWith("s3:Delete", StringComparison.Ordinal));
    }

    [Fact]
    public void OutputsTheRepositoryTheConnectionAndTheProject()
    {
        Assert.Equal(["ConnectionArn", "ProjectName", "RepositoryUri"], _json["Outputs"]!.AsObject().Select(o => o.Key).Order(StringComparer.Ordinal));
    }
}
