namespace BlueGreen.Core.Plans;

/// <summary>The configuration does not make a plan the engine can run; <see cref="Problems"/> lists every reason.</summary>
public sealed class PlanException : Exception
{
    public PlanException(IReadOnlyList<string> problems)
        : base("The traffic plan cannot run:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public PlanException()
        : this([])
    {
    }

    public PlanException(string message)
        : base(message)
    {
        Problems = [message];
    }

    public PlanException(string message, Exception innerException)
        : base(message, innerException)
    {
        Problems = [message];
    }

    public IReadOnlyList<string> Problems { get; } = [];
}
