using Candor.Analytics.Query.Sql;

namespace Candor.Analytics.Store;

/// <summary>
/// The query layer's read seam on a store: run one read-only SQL statement written in the store's
/// <see cref="Dialect"/>, with positional parameters, and get its rows. Values are never spliced into the SQL, so
/// whatever a filter value holds stays data.
/// </summary>
public interface ISqlReader
{
    /// <summary>The SQL flavour this store speaks (DuckDB now; ClickHouse over HTTP can follow).</summary>
    ISqlDialect Dialect { get; }

    /// <summary>
    /// Runs <paramref name="sql"/> (parameters written with <see cref="ISqlDialect.Parameter"/>, numbered from 0 in
    /// <paramref name="parameters"/>' order) and returns each row's values, DBNull as null.
    /// </summary>
    Task<IReadOnlyList<object?[]>> ReadAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default);
}
