namespace BlueGreen.Core.Engine;

/// <summary>How far the current step got.</summary>
public enum StepProgress
{
    /// <summary>Not started.</summary>
    None,

    /// <summary>Started; a share step's weights may or may not be set yet.</summary>
    Started,

    /// <summary>Weights set and verified (or nothing to set); gates run.</summary>
    Applied,

    /// <summary>Completed.</summary>
    Done,
}
