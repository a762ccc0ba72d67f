using Candor.Analytics.Query.Sql;
using Candor.Analytics.Store;

/// <summary>With CANDOR_EXPLAIN=1, prints each statement and DuckDB's EXPLAIN ANALYZE of it (to see where time goes).</summary>
internal sealed class ExplainingReader(DuckDbEventStore inner) : ISqlReader, ISqlWriter
{
    public Task ExecuteAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken = default) =>
        inner.ExecuteAsync(statements, cancellationToken);

    public ISqlDialect Dialect => inner.Dialect;

    public async Task<IReadOnlyList<object?[]>> ReadAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        if (Environment.GetEnvironmentVariable("CANDOR_EXPLAIN") == "1" && sql.StartsWith("WITH", StringComparison.Ordinal))
        {
            Console.WriteLine(sql);
            foreach (var row in await inner.ReadAsync("EXPLAIN ANALYZE " + sql, parameters, cancellationToken))
                Console.WriteLine(row[^1]);
        }
        return await inner.ReadAsync(sql, parameters, cancellationToken);
    }
}
