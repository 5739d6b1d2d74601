namespace SampleApp.Faults;

/// <summary>Decides which requests fail; seeded dice give the same number of failures for the same requests.</summary>
internal sealed class FaultDice(FaultSettings settings)
{
    private readonly Random _random = settings.Seed is { } seed ? new Random(seed) : new Random();
    private readonly Lock _gate = new();

    public bool NextFails()
    {
        if (settings.ErrorRate <= 0)
        {
            return false;
        }

        lock (_gate)
        {
            return _random.NextDouble() < settings.ErrorRate;
        }
    }
}
