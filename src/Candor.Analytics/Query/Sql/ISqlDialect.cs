namespace Candor.Analytics.Query.Sql;

/// <summary>
/// Everything engine-specific in the SQL the query layer writes. The rest of the SQL is the subset DuckDB and
/// ClickHouse share (SELECT/WITH/JOIN/GROUP BY/ORDER BY/LIMIT, CASE, coalesce, IN, arithmetic), so a ClickHouse
/// dialect is this interface implemented again (its <c>…If</c> aggregate combinators, <c>match</c>,
/// <c>indexOf</c>, <c>toStartOfHour</c>, <c>{pN:Type}</c> parameters).
/// </summary>
public interface ISqlDialect
{
    /// <summary>The placeholder of the <paramref name="index"/>-th parameter (0-based).</summary>
    string Parameter(int index);

    /// <summary>The start of the bucket <paramref name="timestamp"/> falls in (weeks start on Monday), as a timestamp.</summary>
    string TimeBucket(string timestamp, Interval interval);

    /// <summary>True when <paramref name="text"/> contains <paramref name="needle"/> (case-sensitive).</summary>
    string Contains(string text, string needle);

    /// <summary>True when the RE2 regular expression <paramref name="pattern"/> matches somewhere in <paramref name="text"/>.</summary>
    string RegexMatches(string text, string pattern);

    /// <summary>The value of property <paramref name="key"/> from the parallel key/value arrays, NULL when absent.</summary>
    string PropValue(string keys, string values, string key);

    /// <summary>Whole seconds from <paramref name="from"/> to <paramref name="to"/>.</summary>
    string SecondsBetween(string from, string to);

    /// <summary>
    /// An aggregate over the rows of a group, restricted to those where <paramref name="condition"/> holds when it is
    /// not null (DuckDB's <c>FILTER (WHERE …)</c>, ClickHouse's <c>…If</c>).
    /// </summary>
    string Aggregate(AggregateFunction function, string? condition, params string[] arguments);
}

/// <summary>The aggregates the query layer uses.</summary>
public enum AggregateFunction
{
    /// <summary>Rows (no argument).</summary>
    Count,
    /// <summary>Exact number of distinct values of the argument.</summary>
    CountDistinct,
    Sum,
    Min,
    Max,
    /// <summary>Any one value (for values equal within the group).</summary>
    Any,
    /// <summary>The first argument's value on the row with the smallest second argument.</summary>
    ArgMin,
    /// <summary>The first argument's value on the row with the largest second argument.</summary>
    ArgMax,
    /// <summary>True when the boolean argument is true on any row.</summary>
    BoolOr,
}
