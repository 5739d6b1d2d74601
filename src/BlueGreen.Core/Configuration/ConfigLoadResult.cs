namespace BlueGreen.Core.Configuration;

/// <summary>Either a valid configuration or the errors that prevent one.</summary>
public sealed record ConfigLoadResult
{
    private ConfigLoadResult(EnvironmentConfig? config, IReadOnlyList<ConfigError> errors, IReadOnlyList<ConfigWarning> warnings)
    {
        Config = config;
        Errors = errors;
        Warnings = warnings;
    }

    /// <summary>The configuration; null when there are errors.</summary>
    public EnvironmentConfig? Config { get; }

    /// <summary>Every error found; empty when the configuration is valid.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    /// <summary>Valid settings that a deployment to AWS should not keep; empty when there are errors.</summary>
    public IReadOnlyList<ConfigWarning> Warnings { get; }

    public bool IsValid => Config is not null;

    internal static ConfigLoadResult Loaded(EnvironmentConfig config, IReadOnlyList<ConfigWarning> warnings) => new(config, [], warnings);

    internal static ConfigLoadResult Failed(IReadOnlyList<ConfigError> errors) => new(null, errors, []);
}
