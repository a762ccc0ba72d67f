namespace Candor.Analytics.Query.Sql;

/// <summary>
/// How the query layer reads the label-coded columns of <c>event_rows</c> (store migration 5): site, name, hostname,
/// browser, browser_version, os and os_version hold ids into <c>labels (id, value)</c>. Queries filter and group on
/// the ids and turn them back into text only at the end, on the few grouped rows — grouping by id splits rows
/// exactly as grouping by text would, since each value has one id. A text condition on a coded column becomes "the
/// id is one of the labels whose value satisfies it". All of it is plain SQL (ids, IN subqueries, a LEFT JOIN on the
/// grouped rows), so a ClickHouse store can keep the same two tables and the same statements.
/// </summary>
internal static class Labels
{
    /// <summary>The table of events with coded columns (the store's <c>events</c> is a view that decodes it for people).</summary>
    public const string EventTable = "event_rows";

    /// <summary>The fixed ids (as SQL literals) of the two event names the queries test all the time.</summary>
    public const string Pageview = "1", Engagement = "2";

    public const string IsPageview = "name = " + Pageview;
    public const string NotEngagement = "name <> " + Engagement;
    public const string IsEngagement = "name = " + Engagement;

    private static readonly HashSet<string> CodedColumns = new(StringComparer.Ordinal)
    {
        "site", "name", "hostname", "browser", "browser_version", "os", "os_version",
    };

    /// <summary>Whether a column of <c>event_rows</c> (or a session value taken from it) holds label ids.</summary>
    public static bool IsCoded(string column) => CodedColumns.Contains(column);

    /// <summary>The id of the label <paramref name="value"/> (an SQL expression, normally a parameter); NULL when no event has it.</summary>
    public static string IdOf(string value) => $"(SELECT id FROM labels WHERE value = {value})";

    /// <summary>True when the coded <paramref name="column"/> holds a label whose text satisfies <paramref name="condition"/> (given the text's SQL expression, it writes the test).</summary>
    public static string Matches(string column, Func<string, string> condition) =>
        $"{column} IN (SELECT id FROM labels WHERE {condition("value")})";
}
