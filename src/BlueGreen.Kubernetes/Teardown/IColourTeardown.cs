namespace BlueGreen.Kubernetes.Teardown;

/// <summary>Removes a colour's workloads in order and says what is left.</summary>
public interface IColourTeardown
{
    /// <summary>Starts the ordered deletion; true when there was something to delete.</summary>
    Task<bool> DeleteRootAsync(CancellationToken cancellationToken);

    /// <summary>Waits until nothing is left or the timeout passes.</summary>
    Task<(TeardownSnapshot Left, IReadOnlyList<string> OrderProblems)> WaitGoneAsync(TimeSpan timeout, TimeSpan poll, CancellationToken cancellationToken);
}
