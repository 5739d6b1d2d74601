using System.Text;

namespace BlueGreen.Aws.Route53;

/// <summary>Compares DNS names the way Route53 treats them: case-insensitive, with or without the final dot, octal escapes decoded.</summary>
public static class DnsNames
{
    /// <summary>Lower case, no final dot, <c>\052</c>-style escapes (which Route53 returns for some characters) decoded.</summary>
    public static string Normalize(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length);
        for (var i = 0; i < name.Length; i++)
        {
            if (name[i] == '\\' && IsOctalEscape(name, i + 1))
            {
                builder.Append((char)(((name[i + 1] - '0') * 64) + ((name[i + 2] - '0') * 8) + (name[i + 3] - '0')));
                i += 3;
                continue;
            }

            builder.Append(char.ToLowerInvariant(name[i]));
        }

        return builder.ToString().TrimEnd('.');
    }

    /// <summary>The fully qualified form Route53 stores: lower case with the final dot.</summary>
    public static string Qualified(string name) => Normalize(name) + ".";

    private static bool IsOctalEscape(string s, int start) =>
        start + 3 <= s.Length && s[start] is >= '0' and <= '3' && s[start + 1] is >= '0' and <= '7' && s[start + 2] is >= '0' and <= '7';
}
