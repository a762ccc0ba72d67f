namespace Candor.Analytics.Store;

/// <summary>
/// Where events end up. Hides the engine (an embedded DuckDB file by default; ClickHouse over HTTP for
/// scale-out later), so ingestion only ever appends whole batches.
/// </summary>
public interface IEventStore : IAsyncDisposable
{
    /// <summary>Appends the batch as one unit: all of it is stored, or the call throws and none is.</summary>
    Task AppendAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken = default);

    /// <summary>How many events the store holds (for tests, health and the benchmark's "nothing lost" check).</summary>
    Task<long> CountAsync(CancellationToken cancellationToken = default);

    /// <summary>Deletes every event stamped before <paramref name="cutoffUtc"/> (the retention rule); returns how many.</summary>
    Task<long> DeleteOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default);
}
