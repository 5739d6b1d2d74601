namespace BlueGreen.Core.Configuration.Data;

/// <summary>
/// The Kubernetes versions Amazon EKS has offered.
/// Source: Amazon EKS User Guide, "Understand the Kubernetes version lifecycle on EKS"
/// (docs.aws.amazon.com/eks/latest/userguide/kubernetes-versions.html), release calendar, read 2026-11.
/// Standard support lasts 14 months from release, extended support 12 months more.
/// When EKS releases a new version, add a row here.
/// </summary>
public static class EksVersions
{
    public static IReadOnlyList<EksVersion> All { get; } =
    [
        new("1.24", new(2022, 11, 15), new(2024, 1, 31), new(2025, 1, 31)),
        new("1.25", new(2023, 2, 21), new(2024, 5, 1), new(2025, 5, 1)),
        new("1.26", new(2023, 4, 11), new(2024, 6, 11), new(2025, 6, 11)),
        new("1.27", new(2023, 5, 24), new(2024, 7, 24), new(2025, 7, 24)),
        new("1.28", new(2023, 9, 26), new(2024, 11, 26), new(2025, 11, 26)),
        new("1.29", new(2024, 1, 23), new(2025, 3, 23), new(2026, 3, 23)),
        new("1.30", new(2024, 5, 23), new(2025, 7, 23), new(2026, 7, 23)),
        new("1.31", new(2024, 9, 26), new(2025, 11, 26), new(2026, 11, 26)),
        new("1.32", new(2025, 1, 23), new(2026, 3, 23), new(2027, 3, 23)),
        new("1.33", new(2025, 5, 29), new(2026, 7, 29), new(2027, 7, 29)),
        new("1.34", new(2025, 10, 2), new(2026, 12, 2), new(2027, 12, 2)),
        new("1.35", new(2026, 1, 27), new(2027, 3, 27), new(2028, 3, 27)),
    ];

    /// <summary>The row of <paramref name="version"/>, or null when EKS has never offered it.</summary>
    public static EksVersion? Find(string version) => All.FirstOrDefault(v => v.Version == version);

    /// <summary>Versions EKS still creates clusters of on <paramref name="day"/>.</summary>
    public static IEnumerable<EksVersion> OfferedOn(DateOnly day) => All.Where(v => v.SupportOn(day) != EksSupport.Ended);
}
