using System.Text;

namespace Candor.Analytics.Api;

/// <summary>
/// Plausible's page wildcards as an anchored regular expression (RE2 syntax): <c>*</c> and <c>**</c> match any run of
/// characters, everything else literally — <c>/blog/*</c> → <c>^/blog/.*$</c>.
/// </summary>
public static class WildcardPattern
{
    private const string Special = @"\.^$|?*+()[]{}";

    public static bool IsWildcard(string value) => value.Contains('*');

    public static string ToRegex(string wildcard)
    {
        var regex = new StringBuilder("^");
        for (var i = 0; i < wildcard.Length; i++)
        {
            var c = wildcard[i];
            if (c == '*')
            {
                while (i + 1 < wildcard.Length && wildcard[i + 1] == '*') i++;
                regex.Append(".*");
            }
            else
            {
                if (Special.Contains(c)) regex.Append('\\');
                regex.Append(c);
            }
        }
        return regex.Append('$').ToString();
    }
}
