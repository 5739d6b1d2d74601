namespace BlueGreen.Sandbox.Faults;

/// <summary>Faults injected into one colour: a share of failed requests, added latency, instances killed.</summary>
public sealed record ColourFault
{
    public required string Colour { get; init; }

    /// <summary>Fraction (0..1) of requests answered with 503.</summary>
    public double ErrorRate { get; init; }

    /// <summary>Delay added before every answer.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>App instances killed (SIGKILL) mid-run.</summary>
    public int Kill { get; init; }

    /// <summary>Whether any fault is set.</summary>
    public bool Any => ErrorRate > 0 || Latency > TimeSpan.Zero || Kill > 0;

    /// <summary>e.g. <c>green:errors=20%,latency=400ms</c>.</summary>
    public override string ToString()
    {
        var parts = new List<string>();
        if (ErrorRate > 0)
        {
            parts.Add($"errors={ErrorRate * 100:0.##}%");
        }

        if (Latency > TimeSpan.Zero)
        {
            parts.Add($"latency={Latency.TotalMilliseconds:0}ms");
        }

        if (Kill > 0)
        {
            parts.Add($"kill={Kill}");
        }

        return $"{Colour}:{string.Join(',', parts)}";
    }
}
