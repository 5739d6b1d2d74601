using System.Text.RegularExpressions;

namespace SampleApp.Users;

/// <summary>What a user id may look like, checked before the database is asked.</summary>
internal static partial class UserIds
{
    public const string Rule = "1 to 128 letters, digits or the characters - _ . @ :";

    public static bool IsWellFormed(string id) => Pattern().IsMatch(id);

    // \z, not $: $ also matches before a final newline, which would let "user-1\n" through.
    [GeneratedRegex(@"\A[A-Za-z0-9_.@:-]{1,128}\z")]
    private static partial Regex Pattern();
}
