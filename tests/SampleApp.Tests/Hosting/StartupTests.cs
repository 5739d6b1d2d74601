namespace SampleApp.Tests.Hosting;

public sealed class StartupTests
{
    [Fact]
    public async Task BadEnvironment_ExitsWith2_ListingEveryProblem_WithoutStackTrace()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "ap-northeast-1",
            ["BLUEGREEN_FAULTS"] = "errors=150%",
            ["BLUEGREEN_SCAN_PAGE_SIZE"] = "zero",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("BLUEGREEN_FAULTS='errors=150%': errors='150%' must be a percentage", output, StringComparison.Ordinal);
        Assert.Contains("BLUEGREEN_SCAN_PAGE_SIZE='zero' must be a positive whole number", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task OversizedDuration_ExitsWith2_WithASentence_NotAnOverflowTrace()
    {
        var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string>
        {
            ["AWS_REGION"] = "ap-northeast-1",
            ["BLUEGREEN_SHUTDOWN_TIMEOUT"] = "99999999999999999999m",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("BLUEGREEN_SHUTDOWN_TIMEOUT='99999999999999999999m' must be a number followed by ms, s or m", output, StringComparison.Ordinal);
        Assert.Contains("at most 1440m (one day)", output, StringComparison.Ordinal);
        Assert.DoesNotContain("OverflowException", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NoRegion_ExitsWith2_SayingToSetAwsRegion()
    {
        var empty = Directory.CreateTempSubdirectory("bluegreen-noaws-");
        try
        {
            var (exitCode, output) = await AppProcess.RunToExitAsync(new Dictionary<string, string>
            {
                ["AWS_CONFIG_FILE"] = Path.Combine(empty.FullName, "config"),
                ["AWS_SHARED_CREDENTIALS_FILE"] = Path.Combine(empty.FullName, "credentials"),
            });

            Assert.Equal(2, exitCode);
            Assert.Contains("Cannot create the DynamoDB client", output, StringComparison.Ordinal);
            Assert.Contains("Set AWS_REGION", output, StringComparison.Ordinal);
            Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        }
        finally
        {
            empty.Delete(recursive: true);
        }
    }
}
