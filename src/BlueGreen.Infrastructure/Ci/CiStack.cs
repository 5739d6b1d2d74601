using Amazon.CDK;
using Amazon.CDK.AWS.CodeBuild;
using Amazon.CDK.AWS.ECR;
using Amazon.CDK.AWS.IAM;
using Amazon.CDK.AWS.Logs;
using Amazon.CDK.AWS.S3;
using BlueGreen.Core.Configuration;
using BlueGreen.Infrastructure.Security;
using Constructs;
using Duration = Amazon.CDK.Duration;

namespace BlueGreen.Infrastructure.Ci;

/// <summary>
/// The sample app's image build: an ECR repository, a GitHub connection, and a CodeBuild
/// project that builds and pushes the image when a pull request touching the app is merged.
/// </summary>
public sealed class CiStack : Stack
{
    /// <summary>Standard Amazon Linux 2023 image; the buildspec installs the .NET 10 SDK, which builds and pushes the image itself.</summary>
    public const string BuildImage = "aws/codebuild/amazonlinux-x86_64-standard:5.0";

    /// <summary>Days a build cache object lives before it is rebuilt.</summary>
    public const int CacheExpiryDays = 14;

    public CiStack(Construct scope, EnvironmentConfig config, IStackProps props)
        : base(scope, StackNames.Ci(config.Environment), props)
    {
        var ci = config.Ci;
        var projectName = $"{config.Environment}-sample-app";

        Repository = new Repository(this, "Repository", new RepositoryProps
        {
            RepositoryName = ci.EcrRepository,
            ImageTagMutability = TagMutability.IMMUTABLE,
            ImageScanOnPush = true,
            LifecycleRules = [new Amazon.CDK.AWS.ECR.LifecycleRule { Description = $"Keep the last {ci.KeepImages} images.", MaxImageCount = ci.KeepImages }],
        });

        // CodeConnections has no L1 class in this CDK release; the resource type is plain CloudFormation,
        // which the tag aspect cannot see, so the tags are written here.
        Connection = new CfnResource(this, "GitHubConnection", new CfnResourceProps
        {
            Type = "AWS::CodeConnections::Connection",
            Properties = new Dictionary<string, object>
            {
                ["ConnectionName"] = $"{config.Environment}-github",
                ["ProviderType"] = "GitHub",
                ["Tags"] = ResourceTags.ForEnvironment(config.Environment),
            },
        });
        var connectionArn = Connection.Ref;

        CacheBucket = SecureBuckets.Create(this, "CacheBucket", versioned: false,
        [
            new Amazon.CDK.AWS.S3.LifecycleRule { Id = "expire-cache", Expiration = Duration.Days(CacheExpiryDays), AbortIncompleteMultipartUploadAfter = Duration.Days(1) },
        ]);

        LogGroup = new LogGroup(this, "BuildLogs", new LogGroupProps
        {
            LogGroupName = $"/aws/codebuild/{projectName}",
            Retention = RetentionDays.ONE_MONTH,
            // Build logs are disposable; the image in ECR is the product.
            RemovalPolicy = RemovalPolicy.DESTROY,
        });

        Role = new Role(this, "BuildRole", new RoleProps
        {
            Description = "CodeBuild: pushes the sample app image to its one repository.",
            AssumedBy = new ServicePrincipal("codebuild.amazonaws.com"),
        });
        Repository.GrantPullPush(Role);
        // The buildspec's post_build confirms the pushed tag with `aws ecr describe-images`.
        Repository.Grant(Role, "ecr:DescribeImages");
        LogGroup.GrantWrite(Role);
        CacheBucket.GrantRead(Role);
        CacheBucket.GrantPut(Role);
        Role.AddToPrincipalPolicy(new PolicyStatement(new PolicyStatementProps
        {
            Sid = "UseTheGitHubConnection",
            Actions = ["codeconnections:GetConnection", "codeconnections:GetConnectionToken", "codeconnections:UseConnection"],
            Resources = [connectionArn],
        }));

        Project = new CfnProject(this, "Project", new CfnProjectProps
        {
            Name = projectName,
            Description = $"Builds the sample app image from {ci.Repository} and pushes it to {ci.EcrRepository}.",
            ServiceRole = Role.RoleArn,
            Source = new CfnProject.SourceProperty
            {
                Type = "GITHUB",
                Location = $"https://github.com/{ci.Repository}.git",
                BuildSpec = ci.Buildspec,
                Auth = new CfnProject.SourceAuthProperty { Type = "CODECONNECTIONS", Resource = connectionArn },
            },
            SourceVersion = ci.Branch,
            Artifacts = new CfnProject.ArtifactsProperty { Type = "NO_ARTIFACTS" },
            Environment = new CfnProject.EnvironmentProperty
            {
                Type = "LINUX_CONTAINER",
                ComputeType = "BUILD_GENERAL1_SMALL",
                Image = BuildImage,
                // The .NET SDK publishes and pushes the image without a Docker daemon, so the build
                // needs no privileged mode, which would give it root on the build host.
                PrivilegedMode = false,
                EnvironmentVariables = new object[]
                {
                    new CfnProject.EnvironmentVariableProperty { Name = BuildspecVariables.RepositoryUri, Value = Repository.RepositoryUri },
                },
            },
            Cache = new CfnProject.ProjectCacheProperty { Type = "S3", Location = $"{CacheBucket.BucketName}/cache" },
            LogsConfig = new CfnProject.LogsConfigProperty
            {
                CloudWatchLogs = new CfnProject.CloudWatchLogsConfigProperty { Status = "ENABLED", GroupName = LogGroup.LogGroupName },
            },
            TimeoutInMinutes = ci.TimeoutMinutes,
            Triggers = ci.Webhook ? MergedPullRequestTrigger(ci) : null,
        });
        // The project must not start a build before its role can write logs and push: the grants are in the role's
        // default policy, which the ServiceRole reference does not order.
        Project.AddDependency((CfnResource)Role.Node.FindChild("DefaultPolicy").Node.DefaultChild!);

        _ = new CfnOutput(this, "RepositoryUri", new CfnOutputProps { Value = Repository.RepositoryUri, Description = "Where the sample app image is pushed." });
        _ = new CfnOutput(this, "ConnectionArn", new CfnOutputProps { Value = connectionArn, Description = "GitHub connection: approve it in the console, then set ci.webhook: true." });
        _ = new CfnOutput(this, "ProjectName", new CfnOutputProps { Value = projectName, Description = "CodeBuild project that builds the image." });
    }

    public Repository Repository { get; }

    public CfnResource Connection { get; }

    public Bucket CacheBucket { get; }

    public LogGroup LogGroup { get; }

    public Role Role { get; }

    public CfnProject Project { get; }

    // Only once the connection is approved: CodeBuild cannot create a webhook on a pending connection.
    private static CfnProject.ProjectTriggersProperty MergedPullRequestTrigger(CiConfig ci) => new()
    {
        Webhook = true,
        FilterGroups = new object[]
        {
            new object[]
            {
                new CfnProject.WebhookFilterProperty { Type = "EVENT", Pattern = "PULL_REQUEST_MERGED" },
                new CfnProject.WebhookFilterProperty { Type = "BASE_REF", Pattern = $"^refs/heads/{System.Text.RegularExpressions.Regex.Escape(ci.Branch)}$" },
                new CfnProject.WebhookFilterProperty { Type = "FILE_PATH", Pattern = $"^{System.Text.RegularExpressions.Regex.Escape(ci.SourcePath)}" },
            },
        },
    };
}
