namespace BlueGreen.GitOps.Rendering;

/// <summary>The configuration cannot be rendered; <see cref="Errors"/> names every problem and the key it is at.</summary>
public sealed class GitOpsConfigException : Exception
{
    public GitOpsConfigException(IReadOnlyList<string> errors)
        : base("The configuration cannot be rendered:" + Environment.NewLine + string.Join(Environment.NewLine, errors.Select(e => "  - " + e)))
    {
        Errors = errors;
    }

    public GitOpsConfigException()
        : this([])
    {
    }

    public GitOpsConfigException(string message)
        : this([message])
    {
    }

    public GitOpsConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public IReadOnlyList<string> Errors { get; } = [];
}
