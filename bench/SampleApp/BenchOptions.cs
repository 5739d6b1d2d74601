using System.Globalization;

namespace SampleApp.Bench;

/// <summary>Command-line options of the load benchmark, with the defaults RESULTS.md records.</summary>
internal sealed record BenchOptions
{
    public TimeSpan Duration { get; init; } = TimeSpan.FromSeconds(20);

    public int Concurrency { get; init; } = 2;

    public int Items { get; init; } = 100;

    public int StartupSamples { get; init; } = 5;

    public TimeSpan Warmup { get; init; } = TimeSpan.FromSeconds(3);

    public const string Usage =
        "usage: SampleApp.Bench [--duration SECONDS] [--concurrency N] [--items N] [--startup-samples N]";

    /// <summary>Parses the arguments; on a bad one, returns null and says why.</summary>
    public static BenchOptions? Parse(string[] args, TextWriter errors)
    {
        var options = new BenchOptions();
        for (var i = 0; i < args.Length; i++)
        {
            if (i + 1 >= args.Length || !int.TryParse(args[i + 1], NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value <= 0)
            {
                errors.WriteLine($"{args[i]} needs a positive whole number. {Usage}");
                return null;
            }

            switch (args[i])
            {
                case "--duration":
                    options = options with { Duration = TimeSpan.FromSeconds(value) };
                    break;
                case "--concurrency":
                    options = options with { Concurrency = value };
                    break;
                case "--items":
                    options = options with { Items = value };
                    break;
                case "--startup-samples":
                    options = options with { StartupSamples = value };
                    break;
                default:
                    errors.WriteLine($"Unknown option '{args[i]}'. {Usage}");
                    return null;
            }

            i++;
        }

        return options;
    }
}
