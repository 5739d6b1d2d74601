namespace SampleApp.Settings;

/// <summary>The environment variables the application reads (listed in the README).</summary>
internal static class EnvironmentNames
{
    public const string TableName = "BLUEGREEN_TABLE_NAME";
    public const string PartitionKey = "BLUEGREEN_PARTITION_KEY";
    public const string Colour = "BLUEGREEN_COLOUR";
    public const string KubernetesVersion = "BLUEGREEN_KUBERNETES_VERSION";
    public const string ScanPageSize = "BLUEGREEN_SCAN_PAGE_SIZE";
    public const string ItemsCache = "BLUEGREEN_ITEMS_CACHE";
    public const string ReadinessCache = "BLUEGREEN_READINESS_CACHE";
    public const string DatabaseTimeout = "BLUEGREEN_DATABASE_TIMEOUT";
    public const string ShutdownDelay = "BLUEGREEN_SHUTDOWN_DELAY";
    public const string ShutdownTimeout = "BLUEGREEN_SHUTDOWN_TIMEOUT";
    public const string Faults = "BLUEGREEN_FAULTS";
    public const string ExitWithParentStdin = "BLUEGREEN_EXIT_WITH_PARENT_STDIN";
}
