namespace BlueGreen.Core.Operators;

/// <summary>What an operator asks the engine of the upgrade in progress to do.</summary>
public enum OperatorAction
{
    /// <summary>Hold the current weights; gates keep watching; the bake clock stops.</summary>
    Pause,

    /// <summary>Continue after a pause or an approval step.</summary>
    Resume,

    /// <summary>Stop the upgrade: traffic back to the live colour; ends as aborted.</summary>
    Abort,

    /// <summary>Skip the remaining steps once the current interval passes (at once with force).</summary>
    Promote,

    /// <summary>Traffic back to the live colour; ends as rolled back.</summary>
    Rollback,
}
