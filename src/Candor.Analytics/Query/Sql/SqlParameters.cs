namespace Candor.Analytics.Query.Sql;

/// <summary>The parameters of one statement: every value from a query goes here, never into the SQL text.</summary>
internal sealed class SqlParameters(ISqlDialect dialect)
{
    private readonly List<object?> _values = [];
    private readonly Dictionary<object, string> _placeholders = [];

    public IReadOnlyList<object?> Values => _values;

    /// <summary>
    /// Adds <paramref name="value"/> and returns its placeholder; an equal value gets the same placeholder, so SQL
    /// built in pieces never leaves a numbered parameter unused (DuckDB binds only the numbers it sees).
    /// </summary>
    public string Add(object value)
    {
        // Timestamps are stored without a zone (UTC by convention); a UTC-kinded DateTime could be bound as a zoned
        // value and shifted by the session's time zone.
        if (value is DateTime time) value = DateTime.SpecifyKind(time, DateTimeKind.Unspecified);
        if (_placeholders.TryGetValue(value, out var existing)) return existing;
        _values.Add(value);
        return _placeholders[value] = dialect.Parameter(_values.Count - 1);
    }
}
