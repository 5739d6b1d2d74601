using Amazon.JSII.Runtime.Services;
using Microsoft.Extensions.Logging;

namespace BlueGreen.Infrastructure;

/// <summary>
/// Starts the CDK's JavaScript runtime with its log on standard error and errors only. By default
/// it logs warnings to standard output, which would corrupt a command's JSON output, and it warns
/// about every referenced assembly it cannot scan for CDK types, which is noise for this app.
/// </summary>
internal static class CdkRuntime
{
    private static readonly Lock Gate = new();

    public static void EnsureConfigured()
    {
        lock (Gate)
        {
            ServiceContainer.ServiceProviderOverride ??= ServiceContainer.BuildServiceProvider(LoggerFactory.Create(logging => logging
                .AddConsole(console => console.LogToStandardErrorThreshold = LogLevel.Trace)
                .SetMinimumLevel(LogLevel.Error)));
        }
    }
}
