namespace Candor.Analytics.Query.Sql;

/// <summary>DuckDB's spelling of <see cref="ISqlDialect"/>.</summary>
public sealed class DuckDbDialect : ISqlDialect
{
    public static readonly DuckDbDialect Instance = new();

    private DuckDbDialect() { }

    // DuckDB numbers positional parameters from 1.
    public string Parameter(int index) => "$" + (index + 1);

    public string TimeBucket(string timestamp, Interval interval) => interval switch
    {
        Interval.Minute => $"date_trunc('minute', {timestamp})",
        Interval.Hour => $"date_trunc('hour', {timestamp})",
        Interval.Day => $"date_trunc('day', {timestamp})",
        // DuckDB's weeks are ISO weeks: they start on Monday, as Plausible's do.
        Interval.Week => $"date_trunc('week', {timestamp})",
        Interval.Month => $"date_trunc('month', {timestamp})",
        _ => throw new ArgumentOutOfRangeException(nameof(interval)),
    };

    public string Contains(string text, string needle) => $"contains({text}, {needle})";

    public string RegexMatches(string text, string pattern) => $"regexp_matches({text}, {pattern})";

    // list_position is NULL when the key is missing, and indexing with NULL gives NULL.
    public string PropValue(string keys, string values, string key) => $"{values}[list_position({keys}, {key})]";

    public string SecondsBetween(string from, string to) => $"date_diff('second', {from}, {to})";

    public string Aggregate(AggregateFunction function, string? condition, params string[] arguments)
    {
        var call = function switch
        {
            AggregateFunction.Count => "count(*)",
            AggregateFunction.CountDistinct => $"count(DISTINCT {arguments[0]})",
            AggregateFunction.Sum => $"sum({arguments[0]})",
            AggregateFunction.Min => $"min({arguments[0]})",
            AggregateFunction.Max => $"max({arguments[0]})",
            AggregateFunction.Any => $"any_value({arguments[0]})",
            AggregateFunction.ArgMin => $"arg_min({arguments[0]}, {arguments[1]})",
            AggregateFunction.ArgMax => $"arg_max({arguments[0]}, {arguments[1]})",
            AggregateFunction.BoolOr => $"bool_or({arguments[0]})",
            _ => throw new ArgumentOutOfRangeException(nameof(function)),
        };
        return condition is null ? call : $"{call} FILTER (WHERE {condition})";
    }
}
