using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V1;

/// <summary>
/// The Stats API v1 <c>filters</c> parameter: <c>event:page==/blog/*;visit:country!=DE|FR</c>. <c>;</c> joins
/// conditions (AND); <c>==</c> / <c>!=</c>; <c>|</c> separates values (any of them; <c>\|</c> is a literal bar);
/// a value with <c>*</c> is a wildcard. Plausible's v1 has no "contains" operator (the dashboard's <c>~</c> is not
/// part of the API), so neither does this.
/// <para>
/// Where Plausible's parser is lenient Candor answers 400 instead, because a silently ignored filter returns
/// plausible-looking wrong numbers: a condition without <c>==</c>/<c>!=</c> and a country that is not a two-letter
/// code are errors (Plausible drops them), and <c>!=</c> with a list means "none of" (Plausible ignores the negation).
/// </para>
/// </summary>
public static class V1FilterExpression
{
    public const string InvalidCountry = "Invalid visit:country filter, visit:country needs to be a valid 2-letter country code.";

    public static (IReadOnlyList<Filter> Filters, string? Error) Parse(string? expression)
    {
        var filters = new List<Filter>();
        if (string.IsNullOrWhiteSpace(expression)) return (filters, null);
        foreach (var raw in expression.Split(';'))
        {
            var condition = raw.Trim();
            if (condition.Length == 0) continue;
            var (index, negated) = Operator(condition);
            if (index < 0)
                return (filters, $"Invalid filter expression '{condition}'. A filter is PROPERTY==VALUE or PROPERTY!=VALUE, " +
                                 "joined with ';', values separated by '|': https://plausible.io/docs/stats-api-v1#filtering");
            var key = condition[..index].Trim();
            var value = condition[(index + 2)..].Trim();
            if (!V1Properties.IsValid(key) || !Dimension.TryParse(key, out var dimension))
                return (filters, $"Invalid filter property '{key}'. Please provide a valid filter property: https://plausible.io/docs/stats-api#properties");
            var values = SplitMembers(value);
            if (dimension.Name == "visit:country" && values.Any(v => v.Length != 2)) return (filters, InvalidCountry);
            if (dimension.Name != "event:goal" && values.Any(WildcardPattern.IsWildcard))
                filters.Add(new Filter(negated ? FilterOperator.DoesNotMatch : FilterOperator.Matches, dimension, values.Select(WildcardPattern.ToRegex).ToList()));
            else
                filters.Add(new Filter(negated ? FilterOperator.IsNot : FilterOperator.Is, dimension, values));
        }
        return (filters, null);
    }

    private static (int Index, bool Negated) Operator(string condition)
    {
        var equal = condition.IndexOf("==", StringComparison.Ordinal);
        var notEqual = condition.IndexOf("!=", StringComparison.Ordinal);
        if (equal < 0) return (notEqual, true);
        if (notEqual < 0 || equal < notEqual) return (equal, false);
        return (notEqual, true);
    }

    /// <summary>Values split on <c>|</c> that is not escaped as <c>\|</c>; the escape is then removed.</summary>
    private static List<string> SplitMembers(string value)
    {
        var members = new List<string>();
        var current = new System.Text.StringBuilder();
        for (var i = 0; i < value.Length; i++)
        {
            if (value[i] == '\\' && i + 1 < value.Length && value[i + 1] == '|')
            {
                current.Append('|');
                i++;
            }
            else if (value[i] == '|')
            {
                members.Add(current.ToString());
                current.Clear();
            }
            else current.Append(value[i]);
        }
        members.Add(current.ToString());
        return members;
    }
}
