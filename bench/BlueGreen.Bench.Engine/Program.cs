using System.Globalization;
using BlueGreen.Bench.Engine;

// Measures the engine's work per gate interval and the journal's durable append, and prints
// median and p99 of each. Usage: dotnet run -c Release --project bench/BlueGreen.Bench.Engine [intervals] [appends]
var intervals = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 20_000;
var appends = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 2_000;

Console.WriteLine($"BlueGreen engine benchmarks: {Environment.ProcessorCount} cores, .NET {Environment.Version}, {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC");
Report("engine decision per interval (in-memory journal)", await DecisionBench.RunAsync(intervals), "1 ms");
var directory = Path.Combine(Path.GetTempPath(), "bluegreen-bench-" + Guid.NewGuid().ToString("N")[..8]);
try
{
    Report("journal append with fsync (FileJournalStore, raw)", await JournalBench.RawAppendsAsync(directory, appends), "5 ms");
    Report("journal append with fsync (CutoverJournal: format, checksum, fold)", await JournalBench.JournalAppendsAsync(directory, appends), "5 ms");
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void Report(string name, IReadOnlyList<TimeSpan> samples, string target)
{
    var sorted = samples.Order().ToArray();
    var median = sorted[sorted.Length / 2];
    var p99 = sorted[(int)Math.Ceiling(sorted.Length * 0.99) - 1];
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{name}: n={sorted.Length} median={median.TotalMicroseconds:0.0} us p99={p99.TotalMicroseconds:0.0} us max={sorted[^1].TotalMicroseconds:0.0} us (target median < {target})"));
}
