namespace BlueGreen.Infrastructure;

/// <summary>One synthesized stack: its CloudFormation name and the path of its template.</summary>
public sealed record SynthesizedStack(string Name, string TemplatePath);
