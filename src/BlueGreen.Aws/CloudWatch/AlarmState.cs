namespace BlueGreen.Aws.CloudWatch;

/// <summary>One CloudWatch alarm's state, as DescribeAlarms lists it.</summary>
/// <param name="Name">The alarm's name.</param>
/// <param name="State">OK, ALARM or INSUFFICIENT_DATA.</param>
/// <param name="Reason">CloudWatch's explanation of the state.</param>
/// <param name="Since">When the state last changed, when CloudWatch said.</param>
public sealed record AlarmState(string Name, string State, string Reason, DateTimeOffset? Since)
{
    public const string Ok = "OK";

    public const string Alarm = "ALARM";

    public const string InsufficientData = "INSUFFICIENT_DATA";
}
