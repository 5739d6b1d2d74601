using BlueGreen.Sandbox.Database;

namespace BlueGreen.Sandbox.Tests.Database;

/// <summary>
/// Entry point of this test assembly when run as a program: <c>hold-dynalite</c> starts dynalite,
/// prints its process id and waits, so a test can kill this parent and watch the child go.
/// </summary>
public static class DynaliteHostProgram
{
    public const string HoldCommand = "hold-dynalite";
    public const string PidPrefix = "dynalite-pid ";

    private static readonly TimeSpan MaximumHold = TimeSpan.FromMinutes(2);

    public static async Task<int> Main(string[] args)
    {
        if (args is not [HoldCommand])
        {
            await Console.Error.WriteLineAsync($"usage: {typeof(DynaliteHostProgram).Assembly.GetName().Name} {HoldCommand}");
            return 2;
        }

        await using var server = await DynaliteServer.StartAsync(new DynaliteOptions());
        await Console.Out.WriteLineAsync(PidPrefix + server.ProcessId);
        await Console.Out.FlushAsync();

        // Held until the test closes our input or kills us; bounded so a forgotten host cannot linger.
        try
        {
            await Console.In.ReadLineAsync().WaitAsync(MaximumHold);
        }
        catch (TimeoutException)
        {
            await Console.Error.WriteLineAsync($"No word from the test within {MaximumHold}; stopping.");
        }

        return 0;
    }
}
