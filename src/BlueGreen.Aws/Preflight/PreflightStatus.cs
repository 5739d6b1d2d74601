namespace BlueGreen.Aws.Preflight;

/// <summary>The outcome of one preflight check.</summary>
public enum PreflightStatus
{
    /// <summary>Fine.</summary>
    Pass,

    /// <summary>Works, but deserves a look.</summary>
    Warn,

    /// <summary>The upgrade would fail or break something; preflight exits 1.</summary>
    Fail,

    /// <summary>Could not be checked here (e.g. no AWS credentials).</summary>
    Skipped,
}
