using System.Collections.Concurrent;
using DuckDB.NET.Data;

namespace Candor.Analytics.Store;

/// <summary>
/// Connections for reads, kept apart from the append connection so a dashboard's dozen parallel queries neither
/// wait for a batch append nor make one wait (DuckDB's MVCC lets them run side by side). Each is a duplicate of
/// another connection to the store's file, which DuckDB.NET attaches to the same database instance (its connection
/// manager keeps one instance per file and process: one buffer pool, one catalog, and appends visible at once);
/// one statement per connection at a time, because a DuckDB connection runs one statement at a time. Idle ones are kept for reuse, at most
/// <see cref="MaxIdle"/>; a burst beyond that opens and closes extra ones.
/// </summary>
internal sealed class DuckDbReadConnections(string connectionString) : IDisposable
{
    private const int MaxIdle = 16;
    private readonly ConcurrentBag<DuckDBConnection> _idle = [];
    private int _idleCount;
    private bool _disposed;

    public DuckDBConnection Rent()
    {
        ObjectDisposedException.ThrowIf(_disposed, this);
        if (_idle.TryTake(out var connection))
        {
            Interlocked.Decrement(ref _idleCount);
            return connection;
        }
        var fresh = new DuckDBConnection(connectionString);
        try
        {
            fresh.Open();
            return fresh;
        }
        catch
        {
            fresh.Dispose();
            throw;
        }
    }

    public void Return(DuckDBConnection connection)
    {
        if (_disposed || Interlocked.Increment(ref _idleCount) > MaxIdle)
        {
            Interlocked.Decrement(ref _idleCount);
            connection.Dispose();
            return;
        }
        _idle.Add(connection);
    }

    public void Dispose()
    {
        _disposed = true;
        while (_idle.TryTake(out var connection)) connection.Dispose();
    }
}
