using System.Text;
using BlueGreen.Core.Configuration.Loading;
using BlueGreen.Core.Configuration.Validation;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace BlueGreen.Core.Configuration;

/// <summary>Reads bluegreen.yaml strictly: every error of the file is reported at once, with file:line:column, key path and a hint.</summary>
public static class ConfigLoader
{
    /// <summary>The largest configuration file read; anything bigger is not a configuration.</summary>
    public const long MaxFileBytes = 1024 * 1024;

    /// <summary>The file name used when none is given.</summary>
    public const string DefaultFileName = "bluegreen.yaml";

    /// <summary>Loads and validates <paramref name="path"/>; the result holds the config or the errors, never both.</summary>
    public static ConfigLoadResult Load(string path, TimeProvider? timeProvider = null)
    {
        ArgumentNullException.ThrowIfNull(path);
        var sink = new ErrorSink(path);
        if (Directory.Exists(path))
        {
            sink.WholeFile("This is a directory, not a configuration file.", $"Pass the file, e.g. --config {Path.Combine(path, DefaultFileName)}.");
            return ConfigLoadResult.Failed(sink.Errors);
        }

        if (!File.Exists(path))
        {
            sink.WholeFile("The configuration file does not exist.", $"Run from the directory that holds {DefaultFileName}, or pass --config PATH.");
            return ConfigLoadResult.Failed(sink.Errors);
        }

        var length = new FileInfo(path).Length;
        if (length > MaxFileBytes)
        {
            sink.WholeFile($"The file is {length} bytes; a configuration file may be at most {MaxFileBytes} bytes (1 MiB).", "Check that --config names bluegreen.yaml and not another file.");
            return ConfigLoadResult.Failed(sink.Errors);
        }

        byte[] bytes;
        try
        {
            bytes = File.ReadAllBytes(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            sink.WholeFile($"The file cannot be read: {e.Message}", "Check its permissions.");
            return ConfigLoadResult.Failed(sink.Errors);
        }

        return Parse(path, bytes, timeProvider ?? TimeProvider.System);
    }

    /// <summary>Loads and validates YAML text as if read from <paramref name="fileName"/>.</summary>
    public static ConfigLoadResult Parse(string fileName, string yaml, TimeProvider? timeProvider = null) =>
        Parse(fileName, new UTF8Encoding(false).GetBytes(yaml), timeProvider ?? TimeProvider.System);

    /// <summary>Loads <paramref name="path"/> or throws <see cref="ConfigurationException"/> with every error.</summary>
    public static EnvironmentConfig LoadOrThrow(string path, TimeProvider? timeProvider = null)
    {
        var result = Load(path, timeProvider);
        return result.Config ?? throw new ConfigurationException(result.Errors);
    }

    private static ConfigLoadResult Parse(string fileName, byte[] bytes, TimeProvider timeProvider)
    {
        var sink = new ErrorSink(fileName);
        if (!TryDecode(sink, bytes, out var text))
        {
            return ConfigLoadResult.Failed(sink.Errors);
        }

        var root = ReadRoot(sink, text);
        if (root is null)
        {
            return ConfigLoadResult.Failed(sink.Errors);
        }

        var config = ConfigBinder.Bind(sink, root);
        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        ConfigValidator.Validate(config, sink, today);
        if (sink.HasErrors)
        {
            return ConfigLoadResult.Failed([.. sink.Errors.OrderBy(e => e.Line).ThenBy(e => e.Column)]);
        }

        DeploymentAdvice.Check(config, sink, today);
        return ConfigLoadResult.Loaded(config, [.. sink.Warnings.OrderBy(w => w.Line).ThenBy(w => w.Column)]);
    }

    private static bool TryDecode(ErrorSink sink, byte[] bytes, out string text)
    {
        var strict = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
        try
        {
            text = strict.GetString(bytes);
            if (text.Length > 0 && text[0] == '\uFEFF')
            {
                text = text[1..];
            }

            return true;
        }
        catch (DecoderFallbackException e)
        {
            var offset = Math.Max(0, e.Index);
            var (line, column) = LineAndColumn(bytes, offset);
            sink.At(new Mark(offset, line, column), string.Empty, $"The file is not valid UTF-8 (byte 0x{bytes[Math.Min(offset, bytes.Length - 1)]:X2} at offset {offset}).", "Save the file as UTF-8.");
            text = string.Empty;
            return false;
        }
    }

    private static (int Line, int Column) LineAndColumn(byte[] bytes, int offset)
    {
        var line = 1;
        var lineStart = 0;
        for (var i = 0; i < offset && i < bytes.Length; i++)
        {
            if (bytes[i] == (byte)'\n')
            {
                line++;
                lineStart = i + 1;
            }
        }

        return (line, offset - lineStart + 1);
    }

    private static YamlMappingNode? ReadRoot(ErrorSink sink, string text)
    {
        const string SyntaxHint = "Check indentation (spaces, not tabs), colons after keys and closing quotes or brackets near this line.";
        var stream = new YamlStream();
        var parser = new Parser(new StringReader(text));
        var lastGood = new Mark(0, 1, 1);
        try
        {
            // Walk the events first: the parser can fail without a position, and the last good event gives one.
            while (parser.MoveNext())
            {
                lastGood = parser.Current!.End;
            }

            stream.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            sink.At(e.Start, string.Empty, $"The YAML cannot be parsed: {Tidy(reason)}", SyntaxHint);
            return null;
        }
        catch (InvalidOperationException)
        {
            sink.At(lastGood, string.Empty, "The YAML cannot be parsed after this point.", SyntaxHint);
            return null;
        }

        if (stream.Documents.Count == 0 || stream.Documents[0].RootNode is YamlScalarNode { Value: null or "" })
        {
            sink.WholeFile("The file is empty.", "Start from the default bluegreen.yaml of the repository.");
            return null;
        }

        if (stream.Documents.Count > 1)
        {
            sink.At(stream.Documents[1].RootNode, string.Empty, "The file holds more than one YAML document.", "Keep one environment per file; remove the '---' separator.");
            return null;
        }

        if (stream.Documents[0].RootNode is not YamlMappingNode root)
        {
            sink.At(stream.Documents[0].RootNode, string.Empty, "The file must be a mapping of keys (environment:, region:, ...).", "Start from the default bluegreen.yaml of the repository.");
            return null;
        }

        return root;
    }

    private static string Tidy(string message)
    {
        var cut = message.IndexOf("): ", StringComparison.Ordinal);
        var text = cut >= 0 ? message[(cut + 3)..] : message;
        return text.EndsWith('.') ? text : text + ".";
    }
}
