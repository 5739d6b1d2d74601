using BlueGreen.Core.Operators;
using BlueGreen.Core.Tests.Fakes;

namespace BlueGreen.Core.Tests.Locking;

public sealed partial class FileLockTests
{
    // Real processes on a busy machine: generous, and only reached when something is broken.
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task TwoEnginesInTwoProcesses_OnOneLockFile_ExactlyOneProceeds_AndAnotherProcessCanAbortIt()
    {
        using var temp = new TempDirectory();
        using var first = ContenderProcess.Start(temp.Path);
        using var second = ContenderProcess.Start(temp.Path);

        // Given two operators starting the same upgrade at once
        var reports = await WithinPatience(Task.WhenAll(first.FirstLineAsync("proceeding", "refused"), second.FirstLineAsync("proceeding", "refused")), first, second);

        // Then exactly one proceeds, and the other is told who holds the lock and since when
        Assert.Single(reports, r => r == "proceeding");
        var refusal = Assert.Single(reports, r => r.StartsWith("refused", StringComparison.Ordinal));
        var (winner, loser) = reports[0] == "proceeding" ? (first, second) : (second, first);
        Assert.Contains($"(pid {winner.Pid}) since ", refusal, StringComparison.Ordinal);
        Assert.Contains("--force-unlock ", refusal, StringComparison.Ordinal);
        await loser.Process.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(1, loser.Process.ExitCode);

        // When an operator aborts from this, a third, process
        var inbox = new DirectoryOperatorInbox(Path.Combine(temp.Path, "requests"));
        await inbox.SubmitAsync(OperatorRequest.Create(OperatorAction.Abort, TimeProvider.System), CancellationToken.None);

        // Then the running engine picks the request up, rolls back, and releases the lock
        Assert.Equal("outcome Aborted", await WithinPatience(winner.FirstLineAsync("outcome"), winner));
        await winner.Process.WaitForExitAsync().WaitAsync(Patience);
        Assert.Equal(0, winner.Process.ExitCode);
        Assert.False(File.Exists(Path.Combine(temp.Path, "lock.json")));
        Assert.Empty(await inbox.PendingAsync(CancellationToken.None));
    }

    private static async Task<T> WithinPatience<T>(Task<T> task, params ContenderProcess[] processes)
    {
        try
        {
            return await task.WaitAsync(Patience);
        }
        catch (TimeoutException)
        {
            Assert.Fail("The engine processes did not report in time. Their output:" + Environment.NewLine + string.Join(Environment.NewLine + "---" + Environment.NewLine, processes.Select(p => p.Output)));
            throw;
        }
    }
}
