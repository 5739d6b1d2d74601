namespace BlueGreen.Infrastructure.Tests;

/// <summary>The configuration with every option on and a third colour, synthesized once.</summary>
public sealed class AllOptionsApp() : SynthesizedApp(TestConfigs.AllOptions());
