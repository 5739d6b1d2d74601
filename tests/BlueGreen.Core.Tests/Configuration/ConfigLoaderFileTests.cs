using System.Text;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Core.Tests.Configuration;

public sealed class ConfigLoaderFileTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("bluegreen-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public void Loads_TheDefaultFile()
    {
        var result = TestConfig.Parse(TestConfig.DefaultYaml);

        Assert.Empty(result.Errors);
        var config = result.Config!;
        Assert.Equal("ap-northeast-1", config.Region);
        Assert.Equal("test-dynamodb", config.Data.TableName);
        Assert.Equal(["1.32", "1.33"], config.Clusters.Select(c => c.Version));
        Assert.Equal("blue", config.LiveCluster.Colour);
        Assert.Equal("green", config.CandidateCluster.Colour);
        Assert.Equal("test.example.com", config.Dns.ZoneName);
        Assert.Equal(TimeSpan.FromMinutes(5), config.Traffic.Bake);
        Assert.All(config.Clusters, c => Assert.InRange(c.NodeGroup.DesiredSize, c.NodeGroup.MinSize, c.NodeGroup.MaxSize));
    }

    [Fact]
    public void Rejects_MissingFile()
    {
        var result = ConfigLoader.Load(Path.Combine(_dir, "absent.yaml"));

        var error = Assert.Single(result.Errors);
        Assert.Contains("does not exist", error.Message, StringComparison.Ordinal);
        Assert.Contains("--config", error.Hint, StringComparison.Ordinal);
        Assert.Equal(0, error.Line);
    }

    [Fact]
    public void Rejects_ADirectory()
    {
        var error = Assert.Single(ConfigLoader.Load(_dir).Errors);

        Assert.Contains("directory", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n")]
    [InlineData("# only a comment\n")]
    public void Rejects_EmptyFile(string text)
    {
        var error = TestConfig.SingleError(text);

        Assert.Equal("The file is empty.", error.Message);
    }

    [Fact]
    public void Rejects_FileLargerThanOneMebibyte()
    {
        var path = Path.Combine(_dir, "big.yaml");
        File.WriteAllText(path, TestConfig.DefaultYaml + "\n#" + new string('x', (int)ConfigLoader.MaxFileBytes));

        var error = Assert.Single(ConfigLoader.Load(path).Errors);

        Assert.Contains("at most 1048576 bytes", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_NonUtf8Bytes_WithTheirLine()
    {
        var path = Path.Combine(_dir, "latin1.yaml");
        var bytes = Encoding.UTF8.GetBytes("environment: test\nregion: ap-northeast-1\n").Concat(new byte[] { (byte)'#', 0xE9, (byte)'\n' }).ToArray();
        File.WriteAllBytes(path, bytes);

        var error = Assert.Single(ConfigLoader.Load(path).Errors);

        Assert.Contains("not valid UTF-8", error.Message, StringComparison.Ordinal);
        Assert.Contains("0xE9", error.Message, StringComparison.Ordinal);
        Assert.Equal(3, error.Line);
        Assert.Equal(2, error.Column);
    }

    [Fact]
    public void Rejects_YamlSyntaxError_AtItsLine()
    {
        var yaml = TestConfig.With("  natGateways: 1\n", "  natGateways: [1\n");

        var error = TestConfig.SingleError(yaml);

        Assert.StartsWith("The YAML cannot be parsed", error.Message, StringComparison.Ordinal);
        Assert.InRange(error.Line, TestConfig.LineOf(yaml, "natGateways"), TestConfig.LineOf(yaml, "dynamoDbEndpoint") + 1);
    }

    [Fact]
    public void Rejects_TabIndentation()
    {
        var error = TestConfig.SingleError(TestConfig.With("  natGateways: 1\n", "\tnatGateways: 1\n"));

        Assert.Contains("cannot be parsed", error.Message, StringComparison.Ordinal);
        Assert.Contains("tabs", error.Hint, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_MoreThanOneDocument()
    {
        var error = TestConfig.SingleError(TestConfig.DefaultYaml + "\n---\nenvironment: other\n");

        Assert.Contains("more than one YAML document", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_ARootThatIsNotAMapping()
    {
        var error = TestConfig.SingleError("- environment: test\n");

        Assert.Contains("mapping of keys", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ReportsEveryError_InFileOrder()
    {
        var yaml = TestConfig.With("region: ap-northeast-1", "region: mars-1");
        yaml = TestConfig.With(yaml, "  ttl: 60 ", "  ttl: 0 ");
        yaml = TestConfig.With(yaml, "  minSuccessRate: 99.0", "  minSuccessRate: 120");

        var result = TestConfig.Parse(yaml);

        Assert.Null(result.Config);
        Assert.Equal(["region", "dns.ttl", "gates.minSuccessRate"], result.Errors.Select(e => e.KeyPath));
        Assert.True(result.Errors.Select(e => e.Line).SequenceEqual(result.Errors.Select(e => e.Line).Order()));
    }

    [Fact]
    public void ErrorText_NamesFileLineColumnKeyAndHint()
    {
        var yaml = TestConfig.With("region: ap-northeast-1", "region: mars-1");

        var text = TestConfig.SingleError(yaml).ToString();

        Assert.StartsWith($"bluegreen.yaml:{TestConfig.LineOf(yaml, "region:")}:9: region: 'mars-1' is not an AWS region.", text, StringComparison.Ordinal);
        Assert.Contains("Hint: Use one of:", text, StringComparison.Ordinal);
    }
}
