using CsCheck;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>
/// CsCheck sampling from fixed seeds, one case per seed, on one thread: every run tests the same
/// cases, and a failure names the seed that reproduces it.
/// </summary>
internal static class SeededCheck
{
    public static void Sample<T>(Gen<T> gen, Action<T> assert, int cases, ulong firstSeed = 1)
    {
        for (var i = 0; i < cases; i++)
        {
            gen.Sample(assert, seed: Seed(firstSeed, i), iter: 1, threads: 1);
        }
    }

    public static async Task SampleAsync<T>(Gen<T> gen, Func<T, Task> assert, int cases, ulong firstSeed = 1)
    {
        for (var i = 0; i < cases; i++)
        {
            await gen.SampleAsync(assert, seed: Seed(firstSeed, i), iter: 1, threads: 1);
        }
    }

    private static string Seed(ulong firstSeed, int i) => new PCG(1, firstSeed + (ulong)i).ToString();
}
