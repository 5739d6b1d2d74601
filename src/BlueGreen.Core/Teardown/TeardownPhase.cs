namespace BlueGreen.Core.Teardown;

/// <summary>How far a teardown step got.</summary>
public enum TeardownPhase
{
    /// <summary>The action was sent; the wait may not have finished.</summary>
    Started,

    /// <summary>Nothing the step is about is left.</summary>
    Done,

    /// <summary>Every step is done; a later teardown of the colour (rebuilt since) starts from the first step again.</summary>
    Completed,
}
