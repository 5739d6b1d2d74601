using System.Text.Json;
using BlueGreen.Core.Engine;
using BlueGreen.Core.Journal;

namespace BlueGreen.Core.Tests.Engine;

public sealed class CutoverPhaseTests
{
    [Fact]
    public void OnlyCompletedRolledBackAndAborted_AreTerminal()
    {
        CutoverPhase[] phases =
        [
            CutoverPhase.Pending, new CutoverPhase.VerifyingCandidate(), new CutoverPhase.Shifting(1, true),
            new CutoverPhase.Paused(PauseReason.Operator, "x", CutoverPhase.Pending), new CutoverPhase.Draining(),
            new CutoverPhase.Completed(), new CutoverPhase.RollingBack("x", false), new CutoverPhase.RolledBack("x"), new CutoverPhase.Aborted("x"),
        ];

        Assert.Equal(["Completed", "RolledBack", "Aborted"], phases.Where(p => p.IsTerminal).Select(p => p.Name));
    }

    [Fact]
    public void APhase_SerializesWithItsKindAndData()
    {
        var paused = new CutoverPhase.Paused(PauseReason.Approval, "sign off", new CutoverPhase.Shifting(2, true));

        using var json = JsonDocument.Parse(JsonSerializer.Serialize<CutoverPhase>(paused, JournalJson.Options));

        var root = json.RootElement;
        Assert.Equal("Paused", root.GetProperty("phase").GetString());
        Assert.Equal("approval", root.GetProperty("reason").GetString());
        Assert.Equal("sign off", root.GetProperty("detail").GetString());
        Assert.Equal("Shifting", root.GetProperty("underlying").GetProperty("phase").GetString());
        Assert.Equal(2, root.GetProperty("underlying").GetProperty("step").GetInt32());
    }
}
