namespace SampleApp.Settings;

/// <summary>Where the server listens: port 8080 on every interface unless the environment or command line says otherwise.</summary>
internal static class ListenAddresses
{
    public const string Default = "http://*:8080";

    /// <summary>
    /// <see cref="Default"/>, or null when <c>ASPNETCORE_URLS</c>, <c>--urls</c>,
    /// <c>ASPNETCORE_HTTP_PORTS</c>/<c>HTTPS_PORTS</c> or a Kestrel endpoint section already choose.
    /// </summary>
    public static string? DefaultUnlessConfigured(IConfiguration configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var chosen = !string.IsNullOrEmpty(configuration["urls"])
            || !string.IsNullOrEmpty(configuration["http_ports"])
            || !string.IsNullOrEmpty(configuration["https_ports"])
            || configuration.GetSection("Kestrel:Endpoints").Exists();
        return chosen ? null : Default;
    }
}
