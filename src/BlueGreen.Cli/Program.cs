using BlueGreen.Cli;
using BlueGreen.Cli.Commands;
using Spectre.Console;
using Spectre.Console.Cli;

return await BlueGreenCli.RunAsync(args, AnsiConsole.Console);

namespace BlueGreen.Cli
{
    /// <summary>The routing table: every command of <c>bluegreen</c> and its examples.</summary>
    public static class Routes
    {
        public static void Configure(IConfigurator config)
        {
            config.AddCommand<ValidateCommand>("validate")
                .WithDescription("Check bluegreen.yaml and print a summary of the environment.")
                .WithExample("validate")
                .WithExample("validate", "--config", "envs/prod.yaml", "--output", "json");
            config.AddCommand<PreflightCommand>("preflight").WithDescription("Check that the upgrade to a colour can work, before anything changes.").WithExample("preflight", "--to", "green");
            config.AddCommand<DecommissionCommand>("decommission").WithDescription("Tear down a colour that no longer takes traffic, in order, and verify nothing is left.").WithExample("decommission", "blue", "--journal-bucket", "test-common-journal");
            config.AddCommand<BootstrapCommand>("bootstrap").WithDescription("Install Argo CD and the colour's root app-of-apps, then wait until the colour is ready.").WithExample("bootstrap", "green");
            config.AddCommand<SynthCommand>("synth").WithDescription("Synthesize the CloudFormation templates of every stack into cdk.out/ (or --out DIR).").WithExample("synth", "--out", "cdk.out");
            config.AddBranch("gitops", gitops =>
            {
                gitops.SetDescription("The rendered GitOps tree Argo CD reads.");
                gitops.AddCommand<GitOpsRenderCommand>("render")
                    .WithDescription("Render deploy/ from bluegreen.yaml, or check it with --check.")
                    .WithExample("gitops", "render")
                    .WithExample("gitops", "render", "--check");
            });
            config.AddCommand<RehearseCommand>("rehearse")
                .WithDescription("Run the configured upgrade in the local sandbox with real parts and write a report.")
                .WithExample("rehearse")
                .WithExample("rehearse", "--fault", "green:errors=20%", "--fault", "green:latency=400ms");
            config.AddBranch("sandbox", sandbox =>
            {
                sandbox.SetDescription("The local sandbox that upgrade, status and the operator commands act on.");
                sandbox.AddCommand<SandboxUpCommand>("up").WithDescription("Start the sandbox and keep it running until Ctrl+C.").WithExample("sandbox", "up");
            });
            config.AddCommand<UpgradeCommand>("upgrade").WithDescription("Move traffic to the candidate step by step under the gates (resumes an upgrade in progress).");
            config.AddCommand<StatusCommand>("status").WithDescription("Show the weights, the upgrade's phase and step, and the lock holder.").WithExample("status", "--target", "aws");
            config.AddCommand<ShiftCommand>("shift").WithDescription("Give the candidate a share of traffic by hand, outside an upgrade.").WithExample("shift", "25");
            config.AddCommand<PauseCommand>("pause").WithDescription("Hold the current weights; the gates keep watching.");
            config.AddCommand<ResumeCommand>("resume").WithDescription("Continue a paused upgrade, or run a stopped one from its journal.");
            config.AddCommand<AbortCommand>("abort").WithDescription("Stop the upgrade and move all traffic back to the live colour.");
            config.AddCommand<PromoteCommand>("promote").WithDescription("Skip the remaining steps once the current interval passes.");
            config.AddCommand<RollbackCommand>("rollback").WithDescription("Move all traffic back to the live colour.");
        }
    }
}
