using System.ComponentModel;
using BlueGreen.Cli.Composition;
using BlueGreen.Cli.Infrastructure;
using BlueGreen.Cli.Targets;
using BlueGreen.Core.Configuration;
using BlueGreen.Core.Journal;
using BlueGreen.Core.Locking;
using BlueGreen.Core.Text;
using BlueGreen.Core.Traffic;
using Spectre.Console;
using Spectre.Console.Cli;

namespace BlueGreen.Cli.Commands;

/// <summary><c>bluegreen shift PERCENT</c>: sets the candidate's share by hand, under the lock, outside an upgrade.</summary>
[Description("Give the candidate PERCENT % of traffic by hand (not during an upgrade: it takes the lock).")]
public sealed class ShiftCommand(IAnsiConsole console, TimeProvider timeProvider, AwsModeServices aws) : TargetCommand<ShiftCommand.Settings>(console, timeProvider, aws)
{
    // As the engine holds it: a change that waits minutes for INSYNC keeps its lock fresh all along.
    private static readonly TimeSpan LockTtl = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan RenewEvery = TimeSpan.FromSeconds(30);

    /// <summary>Options of <c>shift</c>.</summary>
    public sealed class Settings : TargetSettings
    {
        [CommandArgument(0, "<PERCENT>")]
        [Description("The candidate's share, 0 to 100.")]
        public int Percent { get; init; }
    }

    protected override void Validate(EnvironmentConfig config, Settings settings)
    {
        if (settings.Percent is < 0 or > 100)
        {
            throw new UserInputException($"The share must be from 0 to 100 percent, got {settings.Percent}.");
        }
    }

    protected override async Task<int> ExecuteAsync(EnvironmentConfig config, Settings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var services = session.Services;
        LockLease lease;
        try
        {
            lease = await LockLease.AcquireAsync(services.Lock, LockHolder.Current(), LockTtl, RenewEvery, Time, cancellationToken);
        }
        catch (LockHeldException e)
        {
            throw new CommandFailedException(e.Message, e);
        }

        await using (lease)
        {
            using var work = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, lease.Lost);
            try
            {
                return await ShiftAsync(config, settings, session, work.Token);
            }
            catch (OperationCanceledException) when (lease.Lost.IsCancellationRequested)
            {
                throw new CommandFailedException($"{lease.LostReason} {session.HowToCheckWeights}");
            }
        }
    }

    private async Task<int> ShiftAsync(EnvironmentConfig config, Settings settings, ITargetSession session, CancellationToken cancellationToken)
    {
        var services = session.Services;

        // Read under the lock: no engine can start an upgrade between this check and the change.
        var state = (await CutoverJournal.ReadAsync(services.Journal, cancellationToken)).State;
        if (state.Started && !state.IsTerminal)
        {
            throw new CommandFailedException($"The upgrade {state.From} -> {state.To} is in progress ({state.Phase.Name}, step {state.Step + 1} of {state.StepCount}); shifting by hand would fight it. Use `bluegreen pause`, `abort` or `rollback`, or `resume` to finish it.");
        }

        var weights = Weights.ForShare(config.Traffic.Live, config.CandidateCluster.Colour, settings.Percent, config.Traffic.WeightScale);
        await services.Router.SetWeightsAsync(weights, cancellationToken);
        bool readBack;
        try
        {
            readBack = await services.Router.VerifyWeightsAsync(weights, cancellationToken);
        }
        catch (Exception e) when (TargetErrors.IsExpected(e))
        {
            // The change was accepted: it is in effect whatever the read says, and the operator must hear that first.
            throw new CommandFailedException($"The weights were changed to {weights}: the change was accepted. Reading them back then failed: {Sentences.Clause(TargetErrors.Describe(e))}. {session.HowToCheckWeights}", e);
        }

        if (!readBack)
        {
            throw new CommandFailedException($"The change to {weights} was accepted, but other weights read back. {session.HowToCheckWeights}");
        }

        if (session is AwsSession { LastFallbacks: { Count: > 0 } fallbacks })
        {
            foreach (var fallback in fallbacks)
            {
                Console.MarkupLineInterpolated($"[yellow]{fallback}.[/]");
            }
        }

        Console.MarkupLineInterpolated($"Weights now {weights}.");
        return ExitCodes.Ok;
    }
}
