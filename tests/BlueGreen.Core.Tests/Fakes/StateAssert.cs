using BlueGreen.Core.Engine;

namespace BlueGreen.Core.Tests.Fakes;

/// <summary>Compares states by value, including their collections (records compare those by reference).</summary>
internal static class StateAssert
{
    public static void Equivalent(CutoverState expected, CutoverState actual)
    {
        Assert.Equal(expected with { CompletedSteps = [], HandledRequests = [] }, actual with { CompletedSteps = [], HandledRequests = [] });
        Assert.Equal(expected.CompletedSteps, actual.CompletedSteps);
        Assert.Equal(expected.HandledRequests.Order(StringComparer.Ordinal), actual.HandledRequests.Order(StringComparer.Ordinal));
    }
}
