namespace BlueGreen.Aws.Preflight;

/// <summary>One row of the preflight table: which check, its outcome, and what it found.</summary>
public sealed record PreflightResult(string Check, PreflightStatus Status, string Detail)
{
    public static PreflightResult Pass(string check, string detail) => new(check, PreflightStatus.Pass, detail);

    public static PreflightResult Warn(string check, string detail) => new(check, PreflightStatus.Warn, detail);

    public static PreflightResult Fail(string check, string detail) => new(check, PreflightStatus.Fail, detail);

    public static PreflightResult Skipped(string check, string detail) => new(check, PreflightStatus.Skipped, detail);
}
