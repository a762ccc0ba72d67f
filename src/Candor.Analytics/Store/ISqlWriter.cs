namespace Candor.Analytics.Store;

/// <summary>
/// The query layer's write seam on a store, for derived tables only (the session cache): runs statements in one
/// transaction on a connection of their own, so appends are never blocked by it. A store without it simply gets no
/// cache.
/// </summary>
public interface ISqlWriter
{
    Task ExecuteAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken = default);
}

/// <summary>One statement and its positional parameters (written with the store's dialect).</summary>
public sealed record SqlStatement(string Sql, IReadOnlyList<object?> Parameters);
