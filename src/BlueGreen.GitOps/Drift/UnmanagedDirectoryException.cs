namespace BlueGreen.GitOps.Drift;

/// <summary>Render was pointed at a directory that holds files but is not a rendered tree; it deletes nothing there.</summary>
public sealed class UnmanagedDirectoryException : Exception
{
    public UnmanagedDirectoryException()
    {
    }

    public UnmanagedDirectoryException(string message)
        : base(message)
    {
    }

    public UnmanagedDirectoryException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
