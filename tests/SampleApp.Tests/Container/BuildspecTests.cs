using System.Diagnostics;
using System.Text.RegularExpressions;
using YamlDotNet.RepresentationModel;

namespace SampleApp.Tests.Container;

public sealed class BuildspecTests
{
    private static readonly YamlMappingNode Root = Load();

    [Fact]
    public void Is_CodeBuildSpecVersion02()
    {
        Assert.Equal("0.2", Scalar(Root, "version"));
    }

    [Fact]
    public void Phases_RunInstallPreBuildBuildPostBuild()
    {
        var phases = (YamlMappingNode)Root.Children[new YamlScalarNode("phases")];

        Assert.Equal(["install", "pre_build", "build", "post_build"], phases.Children.Keys.Select(key => ((YamlScalarNode)key).Value));
    }

    [Fact]
    public void EveryCommand_IsOneShellLine_NotAMappingYamlMadeOfAColon()
    {
        var phases = (YamlMappingNode)Root.Children[new YamlScalarNode("phases")];

        Assert.All(
            phases.Children.Values.Cast<YamlMappingNode>().SelectMany(phase => (YamlSequenceNode)phase.Children[new YamlScalarNode("commands")]),
            command => Assert.IsType<YamlScalarNode>(command));
    }

    [Fact]
    public void PreBuild_LogsInToEcr_ForTheSdkPush()
    {
        var commands = Commands("pre_build");

        Assert.Contains(commands, command => command.Contains("aws ecr get-login-password --region \"$AWS_REGION\"", StringComparison.Ordinal)
            && command.StartsWith("export DOTNET_CONTAINER_PUSH_REGISTRY_PWORD=", StringComparison.Ordinal));
        Assert.Contains("export DOTNET_CONTAINER_PUSH_REGISTRY_UNAME=AWS", commands);
    }

    [Fact]
    public void PreBuild_TagsWithUtcTimestampAndCommitId()
    {
        var commands = Commands("pre_build");
        var script = string.Join('\n', commands.Where(command => command.Contains("COMMIT_ID", StringComparison.Ordinal))) + "\necho \"$IMAGE_TAG\"";

        var tag = RunBash(script, ("CODEBUILD_RESOLVED_SOURCE_VERSION", "0123456789abcdef0123456789abcdef01234567"));

        Assert.Matches(new Regex(@"^\d{8}-\d{6}-0123456$"), tag);
        Assert.Contains(commands, command => command.Contains("date -u +%Y%m%d-%H%M%S", StringComparison.Ordinal));
    }

    [Fact]
    public void PreBuild_SplitsTheRepositoryUri_IntoRegistryAndRepository()
    {
        var script = string.Join('\n', Commands("pre_build").Where(command => command.Contains("ECR_REPOSITORY_URI", StringComparison.Ordinal)
            && command.StartsWith("export", StringComparison.Ordinal))) + "\necho \"$REGISTRY|$REPOSITORY\"";

        var split = RunBash(script, ("ECR_REPOSITORY_URI", "111122223333.dkr.ecr.ap-northeast-1.amazonaws.com/blue-green-ecr"));

        Assert.Equal("111122223333.dkr.ecr.ap-northeast-1.amazonaws.com|blue-green-ecr", split);
    }

    [Fact]
    public void PreBuild_StopsWithAClearMessage_WhenTheRepositoryIsNotSet()
    {
        var guard = Assert.Single(Commands("pre_build"), command => command.StartsWith("test -n \"$ECR_REPOSITORY_URI\"", StringComparison.Ordinal));

        var error = Assert.Throws<InvalidOperationException>(() => RunBash(guard));

        Assert.Contains("ECR_REPOSITORY_URI is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Build_PublishesTheContainerWithTheSdk_ToEcr_WithTheTag()
    {
        var publish = Assert.Single(Commands("build"));

        Assert.StartsWith("dotnet publish samples/SampleApp/SampleApp.csproj -c Release", publish, StringComparison.Ordinal);
        Assert.Contains("-t:PublishContainer", publish, StringComparison.Ordinal);
        Assert.Contains("-p:ContainerRegistry=\"$REGISTRY\"", publish, StringComparison.Ordinal);
        Assert.Contains("-p:ContainerRepository=\"$REPOSITORY\"", publish, StringComparison.Ordinal);
        Assert.Contains("-p:ContainerImageTags=\"$IMAGE_TAG\"", publish, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(AppContext.BaseDirectory, "Assets", "SampleApp.csproj")));
    }

    [Fact]
    public void Build_PublishesEveryNodeArchitecture_InOneImage()
    {
        var publish = Assert.Single(Commands("build"));
        var project = System.Xml.Linq.XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Assets", "SampleApp.csproj"));

        // A --arch, --runtime or -r would narrow the publish to one architecture.
        Assert.DoesNotMatch(new Regex(@"(^|\s)(--arch|--os|--runtime|-r|-a)(\s|=|$)"), publish);
        Assert.DoesNotContain("RuntimeIdentifier=", publish, StringComparison.Ordinal);
        var identifiers = Assert.Single(project.Descendants("ContainerRuntimeIdentifiers")).Value.Split(';', StringSplitOptions.TrimEntries);
        Assert.Equal(["linux-arm64", "linux-x64"], identifiers.Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Install_DownloadsTheSdkArchiveToAFreshTemporaryFile_AndUnpacksItIntoTheHomeDirectory()
    {
        var install = Commands("install");

        Assert.Contains(install, command => command.Contains("archive=\"$(mktemp)\"", StringComparison.Ordinal)
            && command.Contains("-o \"$archive\"", StringComparison.Ordinal)
            && command.Contains("tar -xzf \"$archive\" -C \"$HOME/.dotnet\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NamesNoFixedTemporaryOrHomeDirectory_AndCachesPackagesInTheSourceDirectory()
    {
        var text = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Assets", "buildspec.yml"));
        var cache = (YamlSequenceNode)((YamlMappingNode)Root.Children[new YamlScalarNode("cache")]).Children[new YamlScalarNode("paths")];
        var script = string.Join('\n', Commands("pre_build").Where(command => command.Contains("NUGET_PACKAGES", StringComparison.Ordinal))) + "\necho \"$NUGET_PACKAGES\"";

        Assert.DoesNotContain("/tmp/", text, StringComparison.Ordinal);
        Assert.DoesNotContain("/root", text, StringComparison.Ordinal);
        Assert.Equal([".nuget/packages/**/*"], cache.Children.Select(node => ((YamlScalarNode)node).Value));
        Assert.Equal("/codebuild/output/src1/src/s3/00/.nuget/packages", RunBash(script, ("CODEBUILD_SRC_DIR", "/codebuild/output/src1/src/s3/00")));
    }

    [Fact]
    public void PostBuild_ConfirmsThePushedTag()
    {
        Assert.Contains(Commands("post_build"), command => command.StartsWith("aws ecr describe-images", StringComparison.Ordinal)
            && command.Contains("imageTag=\"$IMAGE_TAG\"", StringComparison.Ordinal));
    }

    [Fact]
    public void NeverTagsLatest()
    {
        var all = string.Join('\n', new[] { "install", "pre_build", "build", "post_build" }.SelectMany(Commands));

        Assert.DoesNotContain(":latest", all, StringComparison.Ordinal);
        Assert.DoesNotContain("ContainerImageTags=latest", all, StringComparison.Ordinal);
    }

    private static List<string> Commands(string phase)
    {
        var phases = (YamlMappingNode)Root.Children[new YamlScalarNode("phases")];
        var body = (YamlMappingNode)phases.Children[new YamlScalarNode(phase)];
        var commands = (YamlSequenceNode)body.Children[new YamlScalarNode("commands")];
        return commands.Children.Select(node => ((YamlScalarNode)node).Value!).ToList();
    }

    private static string? Scalar(YamlMappingNode node, string key) => ((YamlScalarNode)node.Children[new YamlScalarNode(key)]).Value;

    private static YamlMappingNode Load()
    {
        using var reader = new StreamReader(Path.Combine(AppContext.BaseDirectory, "Assets", "buildspec.yml"));
        var stream = new YamlStream();
        stream.Load(reader);
        return (YamlMappingNode)stream.Documents.Single().RootNode;
    }

    private static string RunBash(string script, params (string Name, string Value)[] environment)
    {
        var start = new ProcessStartInfo("bash") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add(script);
        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEnd();
        var errors = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return process.ExitCode == 0 ? output.Trim() : throw new InvalidOperationException(errors);
    }
}
