using SampleApp.Settings;

namespace SampleApp.Http;

/// <summary>Stamps every response, errors included, with <c>X-Served-By: colour</c>.</summary>
internal sealed class ServedByMiddleware(RequestDelegate next, AppSettings settings)
{
    public const string HeaderName = "X-Served-By";

    public Task InvokeAsync(HttpContext context)
    {
        // Set when the headers go out: the exception handler clears headers before writing its answer.
        context.Response.OnStarting(() =>
        {
            context.Response.Headers[HeaderName] = settings.Colour;
            return Task.CompletedTask;
        });
        return next(context);
    }
}
