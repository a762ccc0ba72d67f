using System.Text.Json;
using System.Text.RegularExpressions;
using Candor.Analytics.Query;

namespace Candor.Analytics.Api.V2;

/// <summary>
/// One v2 filter as sent: a condition <c>["is", "visit:country", ["DE"]]</c>, or <c>["not", f]</c>,
/// <c>["and", [f…]]</c>, <c>["or", [f…]]</c>. <see cref="Flatten"/> turns it into the engine's AND-list of conditions.
/// </summary>
internal sealed class V2FilterTree
{
    private const int MaxDepth = 16;
    private static readonly string[] OnlyTopLevel = ["event:goal", "event:hostname"];

    private V2FilterTree(string op, Filter? condition, IReadOnlyList<V2FilterTree> children)
    {
        Op = op;
        Condition = condition;
        Children = children;
    }

    private string Op { get; }
    private Filter? Condition { get; }
    private IReadOnlyList<V2FilterTree> Children { get; }

    /// <summary>The tree, or null when it does not have the schema's shape.</summary>
    public static V2FilterTree? Parse(JsonElement value, int depth)
    {
        if (depth > MaxDepth || value.ValueKind != JsonValueKind.Array || value.GetArrayLength() < 2 || value[0].ValueKind != JsonValueKind.String) return null;
        var op = value[0].GetString()!;
        switch (op)
        {
            case "not":
                return value.GetArrayLength() == 2 && Parse(value[1], depth + 1) is { } inner ? new V2FilterTree(op, null, [inner]) : null;
            case "and" or "or":
                if (value.GetArrayLength() != 2 || value[1].ValueKind != JsonValueKind.Array || value[1].GetArrayLength() == 0) return null;
                var children = new List<V2FilterTree>();
                foreach (var child in value[1].EnumerateArray())
                {
                    if (Parse(child, depth + 1) is not { } parsed) return null;
                    children.Add(parsed);
                }
                return new V2FilterTree(op, null, children);
        }
        if (Operator(op) is not { } filterOperator || value.GetArrayLength() != 3 || value[1].ValueKind != JsonValueKind.String
            || !Dimension.TryParse(value[1].GetString()!, out var dimension) || dimension.IsTime
            || value[2].ValueKind != JsonValueKind.Array || value[2].GetArrayLength() == 0
            || value[2].EnumerateArray().Any(v => v.ValueKind != JsonValueKind.String))
            return null;
        var values = value[2].EnumerateArray().Select(v => v.GetString()!).ToList();
        return new V2FilterTree(op, new Filter(filterOperator, dimension, values), []);
    }

    private static FilterOperator? Operator(string op) => op switch
    {
        "is" => FilterOperator.Is,
        "is_not" => FilterOperator.IsNot,
        "contains" => FilterOperator.Contains,
        "contains_not" => FilterOperator.DoesNotContain,
        "matches" => FilterOperator.Matches,
        "matches_not" => FilterOperator.DoesNotMatch,
        _ => null,
    };

    private IEnumerable<(Filter Filter, int Depth)> Conditions(int depth = 0) =>
        Condition is { } c ? [(c, depth)] : Children.SelectMany(child => child.Conditions(depth + 1));

    /// <summary>A goal or hostname condition inside not/and/or (Plausible allows those only at the top), or null.</summary>
    public string? NestedOnlyTopLevel() =>
        Conditions().Where(c => c.Depth > 0).Select(c => c.Filter.Dimension.Name).FirstOrDefault(OnlyTopLevel.Contains);

    /// <summary>An is/is_not country condition with a value that is not a two-letter code.</summary>
    public bool InvalidCountry() => Conditions().Any(c => c.Filter.Dimension.Name == "visit:country"
        && c.Filter.Operator is FilterOperator.Is or FilterOperator.IsNot && c.Filter.Values.Any(v => v.Length != 2));

    /// <summary>
    /// A <c>matches</c> pattern that is not a valid regular expression, or uses what RE2 (the engine's syntax) lacks:
    /// lookaround and back-references. Checked here so a bad pattern is a 400, not an engine failure.
    /// </summary>
    public string? InvalidPattern()
    {
        foreach (var (filter, _) in Conditions())
        {
            if (filter.Operator is not (FilterOperator.Matches or FilterOperator.DoesNotMatch)) continue;
            foreach (var pattern in filter.Values)
            {
                if (pattern.Contains("(?=") || pattern.Contains("(?!") || pattern.Contains("(?<") || Regex.IsMatch(pattern, @"\\[1-9]")) return pattern;
                try { _ = new Regex(pattern, RegexOptions.None, TimeSpan.FromMilliseconds(100)); }
                catch (ArgumentException) { return pattern; }
            }
        }
        return null;
    }

    /// <summary>The conditions whose AND this tree means (negated when <paramref name="negate"/>), or why it cannot be one.</summary>
    public (List<Filter> Filters, string? Error) Flatten(bool negate)
    {
        if (Condition is { } condition) return ([negate ? condition with { Operator = Negated(condition.Operator) } : condition], null);
        if (Op == "not") return Children[0].Flatten(!negate);
        // not(or(a, b)) = and(not a, not b); not(and(a, b)) = or(not a, not b).
        var conjunction = (Op == "and") != negate;
        var parts = new List<Filter>();
        foreach (var child in Children)
        {
            var (flat, error) = child.Flatten(negate);
            if (error is not null) return ([], error);
            if (!conjunction && flat.Count != 1) return ([], Unsupported);
            parts.AddRange(flat);
        }
        if (conjunction) return (parts, null);
        // "or" of conditions on one dimension with one positive operator is that operator over all their values.
        var first = parts[0];
        if (first.Operator is not (FilterOperator.Is or FilterOperator.Contains or FilterOperator.Matches)
            || parts.Any(p => p.Operator != first.Operator || p.Dimension != first.Dimension))
            return ([], Unsupported);
        return ([first with { Values = parts.SelectMany(p => p.Values).Distinct().ToList() }], null);
    }

    private const string Unsupported = "Candor combines filters with `or` only when they are alternatives on one dimension with the same operator " +
                                       "(is, contains or matches), e.g. [\"or\", [[\"is\", \"visit:country\", [\"DE\"]], [\"is\", \"visit:country\", [\"FR\"]]]]";

    private static FilterOperator Negated(FilterOperator op) => op switch
    {
        FilterOperator.Is => FilterOperator.IsNot,
        FilterOperator.IsNot => FilterOperator.Is,
        FilterOperator.Contains => FilterOperator.DoesNotContain,
        FilterOperator.DoesNotContain => FilterOperator.Contains,
        FilterOperator.Matches => FilterOperator.DoesNotMatch,
        _ => FilterOperator.Matches,
    };
}
