namespace BlueGreen.Sandbox.Apps;

/// <summary>Finds the built sample app, which every program that references the sandbox carries beside itself.</summary>
public static class SampleAppLocator
{
    public const string AssemblyFile = "SampleApp.dll";

    /// <summary>The path of SampleApp.dll; throws <see cref="FileNotFoundException"/> with what to do when it is missing.</summary>
    public static string Find(string? directory = null)
    {
        var path = Path.Combine(directory ?? AppContext.BaseDirectory, AssemblyFile);
        if (!File.Exists(path) || !File.Exists(Path.ChangeExtension(path, ".runtimeconfig.json")))
        {
            throw new FileNotFoundException($"The sample app is not built beside this program ({path} is missing). Build the CLI again (dotnet build src/BlueGreen.Cli), which builds samples/SampleApp with it.", path);
        }

        return path;
    }
}
