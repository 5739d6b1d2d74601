namespace BlueGreen.Sandbox.Load;

/// <summary>The sample app's <c>X-Served-By</c> header, which names the colour (and instance) that answered.</summary>
public static class ServedBy
{
    public const string HeaderName = "X-Served-By";

    /// <summary>The colour in a header value such as <c>green/2</c> or <c>green</c>; null for none.</summary>
    public static string? ColourOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var end = value.IndexOfAny(['/', ' ', ':', ';', ',']);
        return (end < 0 ? value : value[..end]).Trim();
    }
}
