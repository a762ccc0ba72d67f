using System.Text;

namespace Candor.Analytics.Query;

/// <summary>Page-path goals as regular expressions: the whole path must match, and a run of <c>*</c> matches any characters.</summary>
internal static class GoalPatterns
{
    /// <summary>An anchored RE2 (and .NET) pattern for <paramref name="pagePath"/>; every other character is literal.</summary>
    public static string ToRegex(string pagePath)
    {
        var pattern = new StringBuilder("^");
        for (var i = 0; i < pagePath.Length; i++)
        {
            var c = pagePath[i];
            if (c == '*')
            {
                while (i + 1 < pagePath.Length && pagePath[i + 1] == '*') i++;
                pattern.Append(".*");
            }
            else if (@"\.^$|?+()[]{}".Contains(c)) pattern.Append('\\').Append(c);
            else pattern.Append(c);
        }
        return pattern.Append('$').ToString();
    }
}
