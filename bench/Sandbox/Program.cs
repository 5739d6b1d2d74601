using BlueGreen.Core.Configuration;
using BlueGreen.Sandbox.Bench;

// Sandbox benchmarks: `dotnet run -c Release --project bench/Sandbox -- startup|plan|manual|all`
// from the repository root (reads ./bluegreen.yaml). Prints one line per figure.
var what = args.FirstOrDefault() ?? "all";
var loaded = ConfigLoader.Load("bluegreen.yaml", TimeProvider.System);
if (loaded.Config is not { } config)
{
    Console.Error.WriteLine(string.Join(Environment.NewLine, loaded.Errors));
    return 2;
}

if (what is "startup" or "all")
{
    await StartupBench.RunAsync(config);
}

if (what is "plan" or "all")
{
    await PlanBench.RunAsync(config);
}

if (what is "manual" or "all")
{
    await ManualReplayBench.RunAsync(config);
}

return 0;
