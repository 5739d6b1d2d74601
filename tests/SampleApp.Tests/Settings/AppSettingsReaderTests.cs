using Microsoft.Extensions.Configuration;
using SampleApp.Settings;

namespace SampleApp.Tests.Settings;

public sealed class AppSettingsReaderTests
{
    [Fact]
    public void Defaults_AreTheProductionValues()
    {
        var (settings, errors) = Read();

        Assert.Empty(errors);
        Assert.Equal("test-dynamodb", settings.TableName);
        Assert.Equal("UserId", settings.PartitionKey);
        Assert.Equal("unknown", settings.Colour);
        Assert.Null(settings.ScanPageSize);
        Assert.Equal(TimeSpan.FromSeconds(1), settings.ItemsCache);
        Assert.Equal(TimeSpan.FromSeconds(2), settings.ReadinessCache);
        Assert.Equal(TimeSpan.FromSeconds(5), settings.ShutdownDelay);
        Assert.Equal(TimeSpan.FromSeconds(30), settings.ShutdownTimeout);
        Assert.False(settings.Faults.IsEnabled);
        Assert.False(settings.ExitWithParentStdin);
    }

    [Theory]
    [InlineData("1", true)]
    [InlineData("0", false)]
    public void Reads_TheParentWatchdogSwitch(string value, bool expected)
    {
        var (settings, errors) = Read(("BLUEGREEN_EXIT_WITH_PARENT_STDIN", value));

        Assert.Empty(errors);
        Assert.Equal(expected, settings.ExitWithParentStdin);
    }

    [Fact]
    public void Reads_EveryVariable()
    {
        var (settings, errors) = Read(
            ("BLUEGREEN_TABLE_NAME", "users.v2"),
            ("BLUEGREEN_PARTITION_KEY", "Id"),
            ("BLUEGREEN_COLOUR", "blue"),
            ("BLUEGREEN_KUBERNETES_VERSION", "1.30"),
            ("BLUEGREEN_SCAN_PAGE_SIZE", "100"),
            ("BLUEGREEN_ITEMS_CACHE", "250ms"),
            ("BLUEGREEN_READINESS_CACHE", "0s"),
            ("BLUEGREEN_DATABASE_TIMEOUT", "750ms"),
            ("BLUEGREEN_SHUTDOWN_DELAY", "10s"),
            ("BLUEGREEN_SHUTDOWN_TIMEOUT", "1m"),
            ("BLUEGREEN_FAULTS", "errors=5%"));

        Assert.Empty(errors);
        Assert.Equal("users.v2", settings.TableName);
        Assert.Equal("Id", settings.PartitionKey);
        Assert.Equal("blue", settings.Colour);
        Assert.Equal("1.30", settings.KubernetesVersion);
        Assert.Equal(100, settings.ScanPageSize);
        Assert.Equal(TimeSpan.FromMilliseconds(250), settings.ItemsCache);
        Assert.Equal(TimeSpan.Zero, settings.ReadinessCache);
        Assert.Equal(TimeSpan.FromMilliseconds(750), settings.DatabaseTimeout);
        Assert.Equal(TimeSpan.FromSeconds(10), settings.ShutdownDelay);
        Assert.Equal(TimeSpan.FromMinutes(1), settings.ShutdownTimeout);
        Assert.Equal(0.05, settings.Faults.ErrorRate, 10);
    }

    [Theory]
    [InlineData("BLUEGREEN_TABLE_NAME", "ab", "is not a DynamoDB table name")]
    [InlineData("BLUEGREEN_TABLE_NAME", "users/all", "is not a DynamoDB table name")]
    [InlineData("BLUEGREEN_COLOUR", "blue green", "cannot go in an HTTP header")]
    [InlineData("BLUEGREEN_SCAN_PAGE_SIZE", "0", "must be a positive whole number")]
    [InlineData("BLUEGREEN_SCAN_PAGE_SIZE", "ten", "must be a positive whole number")]
    [InlineData("BLUEGREEN_READINESS_CACHE", "2", "must be a number followed by ms, s or m")]
    [InlineData("BLUEGREEN_ITEMS_CACHE", "-1s", "must be a number followed by ms, s or m")]
    [InlineData("BLUEGREEN_DATABASE_TIMEOUT", "0s", "above zero")]
    [InlineData("BLUEGREEN_SHUTDOWN_DELAY", "soon", "must be a number followed by ms, s or m")]
    [InlineData("BLUEGREEN_SHUTDOWN_TIMEOUT", "3s", "must be longer than BLUEGREEN_SHUTDOWN_DELAY=5s")]
    [InlineData("BLUEGREEN_SHUTDOWN_TIMEOUT", "99999999999999999999m", "at most 1440m (one day)")]
    [InlineData("BLUEGREEN_READINESS_CACHE", "1441m", "at most 1440m (one day)")]
    [InlineData("BLUEGREEN_FAULTS", "errors=200%", "must be a percentage")]
    [InlineData("BLUEGREEN_EXIT_WITH_PARENT_STDIN", "yes", "must be 1 (exit when standard input closes) or 0")]
    public void Rejects_BadValue_NamingTheVariable(string name, string value, string expected)
    {
        var (_, errors) = Read((name, value));

        var error = Assert.Single(errors);
        Assert.StartsWith(name, error, StringComparison.Ordinal);
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void Rejects_OverlongPartitionKey()
    {
        var (_, errors) = Read(("BLUEGREEN_PARTITION_KEY", new string('k', 256)));

        Assert.Contains("at most 255", Assert.Single(errors), StringComparison.Ordinal);
    }

    [Fact]
    public void Collects_AllErrors_BeforeFailing()
    {
        var (_, errors) = Read(("BLUEGREEN_TABLE_NAME", "x"), ("BLUEGREEN_SCAN_PAGE_SIZE", "-3"), ("BLUEGREEN_FAULTS", "boom=1"));

        Assert.Equal(3, errors.Count);
    }

    private static (AppSettings Settings, List<string> Errors) Read(params (string Name, string Value)[] values)
    {
        var configuration = new ConfigurationBuilder()
            .AddInMemoryCollection(values.Select(pair => new KeyValuePair<string, string?>(pair.Name, pair.Value)))
            .Build();
        var errors = new List<string>();
        return (AppSettingsReader.Read(configuration, errors), errors);
    }
}
