using System.Collections;
using BlueGreen.Infrastructure;

// The CDK app behind cdk.json: `npx cdk synth` and `cdk deploy` run it from the repository root
// with ./bluegreen.yaml, or the file named by `-c config=PATH`.
var environment = Environment.GetEnvironmentVariables()
    .Cast<DictionaryEntry>()
    .ToDictionary(e => (string)e.Key, e => (string?)e.Value, StringComparer.Ordinal);
return CdkEntryPoint.Run(environment, Console.Error);
