namespace BlueGreen.Core.Configuration.Data;

/// <summary>
/// Commercial AWS regions and the letters of their availability zones.
/// Source: AWS documentation, "Regions and Zones" (docs.aws.amazon.com/global-infrastructure/latest/regions/),
/// and the EC2 DescribeAvailabilityZones names per region, read 2026-11. ap-northeast-1b is not offered to
/// accounts created after 2012, so it is not listed.
/// </summary>
public static class AwsRegions
{
    private static readonly Dictionary<string, string> ZoneLetters = new(StringComparer.Ordinal)
    {
        ["us-east-1"] = "abcdef",
        ["us-east-2"] = "abc",
        ["us-west-1"] = "abc",
        ["us-west-2"] = "abcd",
        ["ca-central-1"] = "abd",
        ["ca-west-1"] = "abc",
        ["sa-east-1"] = "abc",
        ["eu-west-1"] = "abc",
        ["eu-west-2"] = "abc",
        ["eu-west-3"] = "abc",
        ["eu-central-1"] = "abc",
        ["eu-central-2"] = "abc",
        ["eu-north-1"] = "abc",
        ["eu-south-1"] = "abc",
        ["eu-south-2"] = "abc",
        ["ap-northeast-1"] = "acd",
        ["ap-northeast-2"] = "abcd",
        ["ap-northeast-3"] = "abc",
        ["ap-southeast-1"] = "abc",
        ["ap-southeast-2"] = "abc",
        ["ap-southeast-3"] = "abc",
        ["ap-southeast-4"] = "abc",
        ["ap-south-1"] = "abc",
        ["ap-south-2"] = "abc",
        ["ap-east-1"] = "abc",
        ["me-south-1"] = "abc",
        ["me-central-1"] = "abc",
        ["il-central-1"] = "abc",
        ["af-south-1"] = "abc",
    };

    /// <summary>Every region name, sorted.</summary>
    public static IEnumerable<string> Names => ZoneLetters.Keys.Order(StringComparer.Ordinal);

    public static bool IsKnown(string region) => ZoneLetters.ContainsKey(region);

    /// <summary>The zone names of a known region, e.g. ap-northeast-1a, ap-northeast-1c, ap-northeast-1d.</summary>
    public static IEnumerable<string> Zones(string region) =>
        ZoneLetters.TryGetValue(region, out var letters) ? letters.Select(l => region + l) : [];
}
