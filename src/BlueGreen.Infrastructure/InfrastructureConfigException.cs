namespace BlueGreen.Infrastructure;

/// <summary>The configuration cannot be turned into stacks; <see cref="Errors"/> names every problem by key path.</summary>
public sealed class InfrastructureConfigException : Exception
{
    public InfrastructureConfigException()
        : this([])
    {
    }

    public InfrastructureConfigException(string message)
        : this([message])
    {
    }

    public InfrastructureConfigException(string message, Exception innerException)
        : base(message, innerException)
    {
        Errors = [message];
    }

    public InfrastructureConfigException(IReadOnlyList<string> errors)
        : base("The configuration cannot be synthesized:" + string.Concat(errors.Select(e => System.Environment.NewLine + "  - " + e)))
    {
        Errors = errors;
    }

    public IReadOnlyList<string> Errors { get; }
}
