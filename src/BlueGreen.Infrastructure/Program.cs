using BlueGreen.Infrastructure;

// The CDK app behind cdk.json: `npx cdk synth` and `cdk deploy` run it from the repository root
// with ./bluegreen.yaml, or the file named by `-c config=PATH`.
return CdkEntryPoint.Run(Console.Error);
