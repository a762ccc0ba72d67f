namespace Candor.Analytics.Api;

/// <summary>
/// Plausible's page wildcards as an anchored regular expression (RE2 syntax): <c>*</c> and <c>**</c> match any run of
/// characters, everything else literally — <c>/blog/*</c> → <c>^/blog/.*$</c>.
/// </summary>
public static class WildcardPattern
{
    public static bool IsWildcard(string value) => value.Contains('*');

    /// <summary>The same translation as page goals use, so a v1 filter and a goal read a wildcard alike.</summary>
    public static string ToRegex(string wildcard) => Query.GoalPatterns.ToRegex(wildcard);
}
