using System.Globalization;
using System.Text.RegularExpressions;
using BlueGreen.GitOps.Argo;

namespace BlueGreen.GitOps.Checks;

/// <summary>What Argo CD requires of an Application beyond its field names: one source, one destination, known options.</summary>
public static partial class ApplicationRules
{
    /// <summary>The sync options Argo CD documents; anything else is a typo Argo CD would silently ignore.</summary>
    public static IReadOnlySet<string> KnownSyncOptions { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        "Validate=false", "SkipDryRunOnMissingResource=true", "Prune=false", "Prune=confirm", "Delete=false", "Delete=confirm",
        "PrunePropagationPolicy=foreground", "PrunePropagationPolicy=background", "PrunePropagationPolicy=orphan",
        "PruneLast=true", "Replace=true", "Force=true", "ServerSideApply=true", "ServerSideApply=false",
        "FailOnSharedResource=true", "RespectIgnoreDifferences=true", "CreateNamespace=true", "ApplyOutOfSyncOnly=true",
    };

    /// <summary>The finalizers Argo CD acts on for Applications.</summary>
    public static IReadOnlySet<string> KnownFinalizers { get; } = new HashSet<string>(StringComparer.Ordinal)
    {
        Application.ResourcesFinalizer,
        Application.ResourcesFinalizer + "/foreground",
        Application.ResourcesFinalizer + "/background",
        "post-delete-finalizer.argocd.argoproj.io",
        "post-delete-finalizer.argocd.argoproj.io/cleanup",
    };

    /// <summary>Every broken rule of <paramref name="application"/>, each prefixed with <paramref name="location"/>.</summary>
    public static IReadOnlyList<string> Validate(Application application, string location)
    {
        ArgumentNullException.ThrowIfNull(application);
        var errors = new List<string>();
        void Fail(string message) => errors.Add($"{location}: {message}");

        if (application.ApiVersion != Application.ApiVersionValue || application.Kind != Application.KindValue)
        {
            Fail($"expected {Application.ApiVersionValue} {Application.KindValue}, found {application.ApiVersion} {application.Kind}.");
        }

        if (string.IsNullOrEmpty(application.Metadata?.Name))
        {
            Fail("metadata.name is missing.");
        }

        if (application.Metadata?.NamespaceProperty != "argocd")
        {
            Fail($"metadata.namespace is '{application.Metadata?.NamespaceProperty}'; Argo CD reads Applications from argocd.");
        }

        foreach (var finalizer in application.Metadata?.Finalizers ?? [])
        {
            if (!KnownFinalizers.Contains(finalizer))
            {
                Fail($"metadata.finalizers has '{finalizer}', which Argo CD does not act on.");
            }
        }

        if (application.Metadata?.Annotations?.TryGetValue(Application.SyncWaveAnnotation, out var wave) == true
            && !int.TryParse(wave, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _))
        {
            Fail($"{Application.SyncWaveAnnotation} is '{wave}'; a sync wave is an integer such as \"-1\".");
        }

        var spec = application.Spec;
        if (spec is null)
        {
            Fail("spec is missing.");
            return errors;
        }

        if (string.IsNullOrEmpty(spec.Project))
        {
            Fail("spec.project is missing; use default or a project that exists.");
        }

        var sources = (spec.Source is null ? [] : new[] { spec.Source }).Concat(spec.Sources ?? []).ToList();
        if ((spec.Source is null) == (spec.Sources is null) || sources.Count == 0)
        {
            Fail("spec needs exactly one of source and sources.");
        }

        for (var i = 0; i < sources.Count; i++)
        {
            ValidateSource(sources[i], spec.Source is null ? $"spec.sources[{i}]" : "spec.source", Fail);
        }

        ValidateDestination(spec.Destination, Fail);
        ValidateSyncPolicy(spec.SyncPolicy, Fail);
        return errors;
    }

    private static void ValidateSource(ApplicationSource source, string at, Action<string> fail)
    {
        if (string.IsNullOrEmpty(source.RepoUrl))
        {
            fail($"{at}.repoURL is missing.");
        }

        if ((source.Path is null) == (source.Chart is null))
        {
            fail($"{at} needs exactly one of path (a Git directory) and chart (a Helm chart).");
        }

        if (string.IsNullOrEmpty(source.TargetRevision))
        {
            fail($"{at}.targetRevision is missing; pin the branch, tag or chart version.");
        }
        else if (source.Chart is not null && !PinnedChartVersion().IsMatch(source.TargetRevision))
        {
            fail($"{at}.targetRevision '{source.TargetRevision}' is not a pinned chart version such as 1.13.3.");
        }

        if (source.Helm is not null && source.Chart is null && source.Path is null)
        {
            fail($"{at}.helm is set without a chart or path to apply it to.");
        }
    }

    private static void ValidateDestination(ApplicationDestination? destination, Action<string> fail)
    {
        if (destination is null)
        {
            fail("spec.destination is missing.");
            return;
        }

        if (string.IsNullOrEmpty(destination.Server) == string.IsNullOrEmpty(destination.Name))
        {
            fail("spec.destination needs exactly one of server and name.");
        }

        if (string.IsNullOrEmpty(destination.Namespace))
        {
            fail("spec.destination.namespace is missing.");
        }
    }

    private static void ValidateSyncPolicy(SyncPolicy? policy, Action<string> fail)
    {
        foreach (var option in policy?.SyncOptions ?? [])
        {
            if (!KnownSyncOptions.Contains(option))
            {
                fail($"spec.syncPolicy.syncOptions has '{option}', which is not an Argo CD sync option.");
            }
        }

        var backoff = policy?.Retry?.Backoff;
        foreach (var (name, value) in new[] { ("duration", backoff?.Duration), ("maxDuration", backoff?.MaxDuration) })
        {
            if (value is not null && !GoDuration().IsMatch(value))
            {
                fail($"spec.syncPolicy.retry.backoff.{name} '{value}' is not a duration such as 10s or 3m.");
            }
        }
    }

    [GeneratedRegex(@"^[0-9]+\.[0-9]+\.[0-9]+$", RegexOptions.CultureInvariant)]
    private static partial Regex PinnedChartVersion();

    [GeneratedRegex(@"^([0-9]+(\.[0-9]+)?(ns|us|ms|s|m|h))+$", RegexOptions.CultureInvariant)]
    private static partial Regex GoDuration();
}
