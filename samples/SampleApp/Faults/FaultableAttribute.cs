namespace SampleApp.Faults;

/// <summary>Endpoint metadata: rehearsal faults may be injected into this endpoint.</summary>
[AttributeUsage(AttributeTargets.Method | AttributeTargets.Class)]
internal sealed class FaultableAttribute : Attribute;
