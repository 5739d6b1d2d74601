namespace BlueGreen.Cli.Infrastructure;

/// <summary>Input a user can fix (a bad option, an unknown colour); exits with code 2 and changes nothing.</summary>
public sealed class UserInputException : Exception
{
    public UserInputException()
    {
    }

    public UserInputException(string message)
        : base(message)
    {
    }

    public UserInputException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
