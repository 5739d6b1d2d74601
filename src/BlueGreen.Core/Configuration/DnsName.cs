using System.Text.RegularExpressions;

namespace BlueGreen.Core.Configuration;

/// <summary>Rules for DNS names (RFC 1035 as Route53 applies them): labels of 1..63 letters, digits and hyphens, 253 characters in all.</summary>
public static partial class DnsName
{
    /// <summary>Why <paramref name="name"/> is not a valid host name, or null when it is.</summary>
    public static string? Problem(string name)
    {
        if (name.Length == 0)
        {
            return "is empty";
        }

        if (name.Length > 253)
        {
            return $"is {name.Length} characters long; a DNS name has at most 253";
        }

        foreach (var label in name.TrimEnd('.').Split('.'))
        {
            var problem = LabelProblem(label);
            if (problem is not null)
            {
                return $"has the label '{label}' that {problem}";
            }
        }

        return null;
    }

    /// <summary>Why <paramref name="label"/> is not a valid DNS label, or null when it is.</summary>
    public static string? LabelProblem(string label)
    {
        if (label.Length == 0)
        {
            return "is empty (two dots in a row?)";
        }

        if (label.Length > 63)
        {
            return $"is {label.Length} characters long; a label has at most 63";
        }

        if (!Label().IsMatch(label))
        {
            return "may hold only letters, digits and inner hyphens";
        }

        return null;
    }

    [GeneratedRegex("^[A-Za-z0-9]([A-Za-z0-9-]*[A-Za-z0-9])?$", RegexOptions.CultureInvariant)]
    private static partial Regex Label();
}
