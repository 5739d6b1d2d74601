using System.Globalization;
using System.Text;
using System.Text.Json;

namespace BlueGreen.Aws.Tests.Signing;

/// <summary>One case of the AWS SigV4 test suite (TestData/aws-signing-test-suite/v4/&lt;name&gt;).</summary>
internal sealed class SigningSuiteCase
{
    private static readonly string Root = Path.Combine(AppContext.BaseDirectory, "TestData", "aws-signing-test-suite", "v4");

    private SigningSuiteCase(string name)
    {
        Name = name;
        Directory = Path.Combine(Root, name);
        using var context = JsonDocument.Parse(File.ReadAllText(Path.Combine(Directory, "context.json")));
        var root = context.RootElement;
        var credentials = root.GetProperty("credentials");
        AccessKey = credentials.GetProperty("access_key_id").GetString()!;
        SecretKey = credentials.GetProperty("secret_access_key").GetString()!;
        Token = credentials.TryGetProperty("token", out var token) ? token.GetString() : null;
        Region = root.GetProperty("region").GetString()!;
        Service = root.GetProperty("service").GetString()!;
        SignBody = root.GetProperty("sign_body").GetBoolean();
        Timestamp = DateTimeOffset.Parse(root.GetProperty("timestamp").GetString()!, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
    }

    public string Name { get; }

    public string Directory { get; }

    public string AccessKey { get; }

    public string SecretKey { get; }

    public string? Token { get; }

    public string Region { get; }

    public string Service { get; }

    public bool SignBody { get; }

    public DateTimeOffset Timestamp { get; }

    public static IEnumerable<string> AllNames() =>
        System.IO.Directory.GetDirectories(Root).Select(Path.GetFileName).Select(n => n!).Order(StringComparer.Ordinal);

    public static SigningSuiteCase Load(string name) => new(name);

    public string Read(string file) => File.ReadAllText(Path.Combine(Directory, file)).ReplaceLineEndings("\n");

    /// <summary>The unsigned request of request.txt as an <see cref="HttpRequestMessage"/> to https://host/target.</summary>
    public HttpRequestMessage BuildRequest()
    {
        var text = Read("request.txt");
        var split = text.IndexOf("\n\n", StringComparison.Ordinal);
        var head = split < 0 ? text : text[..split];
        var body = split < 0 ? string.Empty : text[(split + 2)..];
        var lines = head.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var requestLine = lines[0];
        var method = requestLine[..requestLine.IndexOf(' ', StringComparison.Ordinal)];
        var target = requestLine[(method.Length + 1)..requestLine.LastIndexOf(' ')];

        // Obsolete line folding: a continuation line joins the previous value with one space.
        var headers = new List<(string Name, string Value)>();
        foreach (var line in lines.Skip(1))
        {
            if (line.StartsWith(' '))
            {
                headers[^1] = (headers[^1].Name, headers[^1].Value + " " + line.Trim());
                continue;
            }

            var colon = line.IndexOf(':', StringComparison.Ordinal);
            headers.Add((line[..colon], line[(colon + 1)..]));
        }

        var host = headers.Single(h => h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)).Value;
        var request = new HttpRequestMessage(new HttpMethod(method), new Uri("https://" + host + target));
        if (body.Length > 0)
        {
            request.Content = new ByteArrayContent(Encoding.UTF8.GetBytes(body));
        }

        foreach (var (name, value) in headers.Where(h => !h.Name.Equals("Host", StringComparison.OrdinalIgnoreCase)))
        {
            if (name.StartsWith("Content-", StringComparison.OrdinalIgnoreCase))
            {
                request.Content!.Headers.TryAddWithoutValidation(name, value);
            }
            else
            {
                request.Headers.TryAddWithoutValidation(name, value);
            }
        }

        return request;
    }

    public override string ToString() => Name;
}
