using BlueGreen.Cli.Infrastructure;
using BlueGreen.Sandbox.AwsEndpoint;

namespace BlueGreen.Cli.Composition;

/// <summary>
/// The AWS-compatible endpoint of <c>rehearse --aws-endpoint</c> and <c>sandbox up --aws-endpoint</c>: a URL that must
/// answer, or <c>auto</c>, which starts moto_server on a free loopback port for the run and stops it afterwards.
/// </summary>
public sealed class RehearsalEndpoint : IAsyncDisposable
{
    /// <summary>The value that starts moto_server.</summary>
    public const string Auto = "auto";

    private readonly MotoServer? _started;

    private RehearsalEndpoint(Uri endpoint, MotoServer? started)
    {
        Endpoint = endpoint;
        _started = started;
    }

    public Uri Endpoint { get; }

    /// <summary>Where it is, in words: with the process id when this run started it.</summary>
    public string Description => _started is null ? Endpoint.ToString() : $"{Endpoint} (moto_server, pid {_started.ProcessId}, started for this run)";

    /// <summary>Opens the endpoint <paramref name="value"/> names; null when none was given.</summary>
    /// <exception cref="UserInputException">Not http(s) or auto; nothing answers there; moto_server cannot be started.</exception>
    public static async Task<RehearsalEndpoint?> OpenAsync(string? value, CancellationToken cancellationToken)
    {
        if (value is null)
        {
            return null;
        }

        if (string.Equals(value.Trim(), Auto, StringComparison.OrdinalIgnoreCase))
        {
            try
            {
                var moto = await MotoServer.StartAsync(TimeSpan.FromSeconds(60), cancellationToken).ConfigureAwait(false);
                return new RehearsalEndpoint(moto.Endpoint, moto);
            }
            catch (AwsEndpointException e)
            {
                throw new UserInputException($"--aws-endpoint auto: {e.Message} Or give the URL of an AWS-compatible server you run yourself; nothing was started.", e);
            }
        }

        var endpoint = AwsEndpointCheck.Parse(value, "--aws-endpoint");
        await AwsEndpointCheck.RequireAnsweringAsync(endpoint, cancellationToken).ConfigureAwait(false);
        return new RehearsalEndpoint(endpoint, null);
    }

    /// <summary>Stops moto_server when this run started it.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_started is not null)
        {
            await _started.DisposeAsync().ConfigureAwait(false);
        }
    }
}
