namespace BlueGreen.Sandbox.Dns;

/// <summary>The service name's records as they were set at <paramref name="At"/>.</summary>
public sealed record RecordChange(DateTimeOffset At, WeightedRecordSet Records);
