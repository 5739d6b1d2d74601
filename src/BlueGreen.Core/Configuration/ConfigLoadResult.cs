namespace BlueGreen.Core.Configuration;

/// <summary>Either a valid configuration or the errors that prevent one.</summary>
public sealed record ConfigLoadResult
{
    private ConfigLoadResult(EnvironmentConfig? config, IReadOnlyList<ConfigError> errors)
    {
        Config = config;
        Errors = errors;
    }

    /// <summary>The configuration; null when there are errors.</summary>
    public EnvironmentConfig? Config { get; }

    /// <summary>Every error found; empty when the configuration is valid.</summary>
    public IReadOnlyList<ConfigError> Errors { get; }

    public bool IsValid => Config is not null;

    internal static ConfigLoadResult Loaded(EnvironmentConfig config) => new(config, []);

    internal static ConfigLoadResult Failed(IReadOnlyList<ConfigError> errors) => new(null, errors);
}
