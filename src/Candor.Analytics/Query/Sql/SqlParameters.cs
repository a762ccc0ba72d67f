namespace Candor.Analytics.Query.Sql;

/// <summary>The parameters of one statement: every value from a query goes here, never into the SQL text.</summary>
internal sealed class SqlParameters(ISqlDialect dialect)
{
    private readonly List<object?> _values = [];

    public IReadOnlyList<object?> Values => _values;

    /// <summary>Adds <paramref name="value"/> and returns its placeholder.</summary>
    public string Add(object? value)
    {
        _values.Add(value);
        return dialect.Parameter(_values.Count - 1);
    }
}
