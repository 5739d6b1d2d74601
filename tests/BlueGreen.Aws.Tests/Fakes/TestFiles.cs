namespace BlueGreen.Aws.Tests.Fakes;

/// <summary>Reads the recorded documents under TestData.</summary>
internal static class TestFiles
{
    public static string CloudWatch(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "cloudwatch", name));

    public static string Route53(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "route53", name));

    public static string Eks(string name) => File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "TestData", "eks", name));
}
