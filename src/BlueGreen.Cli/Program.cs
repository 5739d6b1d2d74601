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
        }
    }
}
