using BlueGreen.Aws.Preflight;
using BlueGreen.Core.Configuration;

namespace BlueGreen.Cli.Commands.AwsMode;

/// <summary>
/// The configuration's deployment warnings as preflight rows: for <c>--target aws</c> the ones a deployment cannot
/// work with fail, for the sandbox they only warn, since the rehearsal needs none of those settings.
/// </summary>
public static class DeploymentSettingsCheck
{
    public const string Check = "deployment settings";

    /// <summary>The row name of one warning: the check and the key it is about, so every row names its own key.</summary>
    public static string CheckOf(ConfigWarning warning) => $"{Check} {warning?.KeyPath}";

    public static IReadOnlyList<PreflightResult> Evaluate(IReadOnlyList<ConfigWarning> warnings, Target target)
    {
        ArgumentNullException.ThrowIfNull(warnings);
        if (warnings.Count == 0)
        {
            return [PreflightResult.Pass(Check, "No setting of the configuration is left at a placeholder, open or without access.")];
        }

        return [.. warnings.Select(w =>
        {
            var detail = $"{w.File}:{w.Line}:{w.Column}: {w.Message} {w.Hint}";
            return w.BlocksAws && target == Target.Aws
                ? PreflightResult.Fail(CheckOf(w), detail)
                : PreflightResult.Warn(CheckOf(w), w.BlocksAws ? $"{detail} (Fails with --target aws.)" : detail);
        })];
    }
}
