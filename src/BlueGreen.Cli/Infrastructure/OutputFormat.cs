namespace BlueGreen.Cli.Infrastructure;

/// <summary>How a command prints its result.</summary>
public enum OutputFormat
{
    /// <summary>Tables and sentences for people.</summary>
    Text,

    /// <summary>One JSON document (or one JSON object a line for streams) for scripts.</summary>
    Json,
}
