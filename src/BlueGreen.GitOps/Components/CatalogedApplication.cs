namespace BlueGreen.GitOps.Components;

/// <summary>One child Application of a colour: its name, sync wave and the namespace it deploys to.</summary>
public sealed record CatalogedApplication(string Name, int Wave, string DestinationNamespace);
