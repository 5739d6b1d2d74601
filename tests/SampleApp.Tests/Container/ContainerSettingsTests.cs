using System.Xml.Linq;

namespace SampleApp.Tests.Container;

public sealed class ContainerSettingsTests
{
    private static readonly XDocument Project = XDocument.Load(Path.Combine(AppContext.BaseDirectory, "Assets", "SampleApp.csproj"));
    private static readonly string[] Dockerfile = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Assets", "Dockerfile"));

    [Fact]
    public void SdkContainer_UsesTheChiseledAspNet10Runtime()
    {
        Assert.Equal("mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", Property("ContainerBaseImage"));
    }

    [Fact]
    public void SdkContainer_RunsAsNonRoot_On8080()
    {
        var user = Property("ContainerUser");
        Assert.False(string.IsNullOrEmpty(user));
        Assert.DoesNotContain(user, new[] { "root", "0" });
        var port = Assert.Single(Project.Descendants("ContainerPort"));
        Assert.Equal("8080", port.Attribute("Include")?.Value);
        Assert.Equal("tcp", port.Attribute("Type")?.Value);
        var portVariable = Assert.Single(Project.Descendants("ContainerEnvironmentVariable"), item => item.Attribute("Include")?.Value == "ASPNETCORE_HTTP_PORTS");
        Assert.Equal("8080", portVariable.Attribute("Value")?.Value);
    }

    [Fact]
    public void SdkContainer_IsMultiArch_ForX86AndGravitonNodes()
    {
        Assert.Equal(["linux-arm64", "linux-x64"], Property("ContainerRuntimeIdentifiers")!.Split(';').Order(StringComparer.Ordinal));
        Assert.Equal("$(ContainerRuntimeIdentifiers)", Property("RuntimeIdentifiers"));
    }

    [Fact]
    public void Dockerfile_RunsOnTheSameBase_AsNonRoot_On8080()
    {
        var froms = Dockerfile.Where(line => line.StartsWith("FROM ", StringComparison.Ordinal)).ToList();
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/sdk:10.0 ", froms[0], StringComparison.Ordinal);
        Assert.StartsWith("FROM mcr.microsoft.com/dotnet/aspnet:10.0-noble-chiseled", froms[^1], StringComparison.Ordinal);
        var final = Dockerfile.SkipWhile(line => line != froms[^1]).ToList();
        Assert.Contains("USER $APP_UID", final);
        Assert.Contains("EXPOSE 8080", final);
        Assert.Contains("ENV ASPNETCORE_HTTP_PORTS=8080", final);
        Assert.Contains("ENTRYPOINT [\"dotnet\", \"SampleApp.dll\"]", final);
        Assert.DoesNotContain(final, line => line.StartsWith("USER root", StringComparison.Ordinal) || line == "USER 0");
    }

    private static string? Property(string name) => Project.Descendants(name).SingleOrDefault()?.Value;
}
