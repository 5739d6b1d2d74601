namespace BlueGreen.Infrastructure.Tests;

/// <summary>The default configuration, synthesized once for every test class that asks for it.</summary>
public sealed class DefaultApp() : SynthesizedApp(TestConfigs.Default());
