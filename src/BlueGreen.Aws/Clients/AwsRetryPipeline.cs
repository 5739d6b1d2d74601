using Polly;
using Polly.Retry;

namespace BlueGreen.Aws.Clients;

/// <summary>The one retry policy of the project's own AWS API clients: exponential backoff with jitter on the injected clock.</summary>
public static class AwsRetryPipeline
{
    /// <summary>
    /// Retries what <paramref name="isTransient"/> calls transient, and network errors and timeouts, up to
    /// <see cref="AwsRetryOptions.MaxRetries"/> times; no retries at all when that is 0.
    /// Only for operations that are safe to repeat.
    /// </summary>
    public static ResiliencePipeline Build(AwsRetryOptions options, TimeProvider time, Func<Exception, bool> isTransient)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(time);
        ArgumentNullException.ThrowIfNull(isTransient);
        return options.MaxRetries <= 0
            ? ResiliencePipeline.Empty
            : new ResiliencePipelineBuilder { TimeProvider = time }
                .AddRetry(new RetryStrategyOptions
                {
                    ShouldHandle = new PredicateBuilder()
                        .Handle<Exception>(isTransient)
                        .Handle<HttpRequestException>()
                        .Handle<TimeoutException>(),
                    MaxRetryAttempts = options.MaxRetries,
                    BackoffType = DelayBackoffType.Exponential,
                    UseJitter = true,
                    Delay = options.BaseDelay,
                    MaxDelay = options.MaxDelay,
                    Randomizer = options.Randomizer,
                })
                .Build();
    }
}
