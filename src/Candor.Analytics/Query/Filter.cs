namespace Candor.Analytics.Query;

/// <summary>The filter operators (Stats API v2 names in brackets).</summary>
public enum FilterOperator
{
    /// <summary>[<c>is</c>] equals any of the values.</summary>
    Is,
    /// <summary>[<c>is_not</c>] equals none of the values.</summary>
    IsNot,
    /// <summary>[<c>contains</c>] contains any of the values as a substring (case-sensitive, like Plausible).</summary>
    Contains,
    /// <summary>[<c>contains_not</c>] contains none of them.</summary>
    DoesNotContain,
    /// <summary>[<c>matches</c>] matches any of the values as a regular expression (RE2 syntax as DuckDB/ClickHouse take it).</summary>
    Matches,
    /// <summary>[<c>matches_not</c>] matches none.</summary>
    DoesNotMatch,
}

/// <summary>
/// One condition on a dimension; a query's filters are combined with AND. A <c>visit:</c> filter keeps whole sessions
/// whose session-level value matches; an <c>event:</c> filter keeps the events that match (and, for visit metrics,
/// the sessions that have such an event). <c>event:goal</c> matches the site's goals by their display name.
/// </summary>
public sealed record Filter(FilterOperator Operator, Dimension Dimension, IReadOnlyList<string> Values);
