using Candor.Analytics.Query.Sql;
using DuckDB.NET.Data;

namespace Candor.Analytics.Store;

/// <summary>
/// The embedded store: one DuckDB file (columnar, fast aggregation, no server to run). The schema is
/// versioned in <c>schema_version</c> and migrated at open; repetitive text is stored as ids into <c>labels</c>
/// (<see cref="LabelCodes"/>, migration 5) and the view <c>events</c> reads it back. Appends go through DuckDB's
/// appender, one transaction per batch, serialised because a DuckDB connection is not safe for concurrent use.
/// Reads (<see cref="ISqlReader"/>) use their own connections to the same database, so they never take that lock.
/// </summary>
public sealed class DuckDbEventStore : IEventStore, ISqlReader, ISqlWriter
{
    private readonly DuckDBConnection _connection;
    private readonly DuckDbReadConnections _reads;
    private readonly TimeProvider _time;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly HashSet<string> _devices, _channels, _countries;
    private readonly LabelCodes _labels;
    // Reused by every append (appends are serialised): a batch of 2,000 events has 14,000 coded values, and a new
    // array of their strings each time was a large-object allocation 20 times a second (p99 rose from ~7 to ~11 ms).
    private string?[] _codedValues = [];
    private uint[] _codedIds = [];

    private DuckDbEventStore(DuckDBConnection connection, TimeProvider time)
    {
        _connection = connection;
        _time = time;
        _reads = new DuckDbReadConnections(connection.ConnectionString);
        _devices = EnumValues(connection, "device_type");
        _channels = EnumValues(connection, "channel_name");
        _countries = EnumValues(connection, "country_code");
        _labels = new LabelCodes(connection);
    }

    public ISqlDialect Dialect => DuckDbDialect.Instance;

    /// <param name="path">The DuckDB file (created with its folder when missing).</param>
    /// <param name="time">The clock that says which days are over (for the session cache); the system clock by default.</param>
    public static DuckDbEventStore Open(string path, TimeProvider? time = null)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        var connection = new DuckDBConnection($"Data Source={path}");
        try
        {
            connection.Open();
            Migrate(connection);
            Execute(connection, $"SET checkpoint_threshold = '{CheckpointThreshold}'");
            return new DuckDbEventStore(connection, time ?? TimeProvider.System);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>
    /// How much write-ahead log DuckDB gathers before folding it into the file (its default is 16 MB, about 250,000
    /// events here; 64 MB is about 1,000,000). Each checkpoint also rewrites the table's metadata and its last, partly filled row group, a cost
    /// that grows with the table, so at ingestion rates it was the larger part of the writer's work: with 2,000,000
    /// events appended in batches of 2,000 the writer spent 9.1 µs of CPU per event at 16 MB and 6.3–6.5 µs at 64 MB or
    /// more. The price is a longer log to replay after a crash (a graceful stop checkpoints) and the unfolded rows kept
    /// in DuckDB's buffer pool until then, which DuckDB bounds by its memory limit (bench/ingest.sh's peak memory went
    /// from 261 to 339 MB with this and the larger batches).
    /// </summary>
    internal const string CheckpointThreshold = "64MB";

    /// <summary>The schema version of the open file (the number of migrations applied).</summary>
    public int SchemaVersion => ReadVersion(_connection);

    private static void Migrate(DuckDBConnection connection)
    {
        Execute(connection, "CREATE TABLE IF NOT EXISTS schema_version (version INTEGER NOT NULL)");
        var version = ReadVersion(connection);
        if (version > DuckDbMigrations.All.Length)
            throw new InvalidOperationException($"The analytics store has schema version {version}, newer than this Candor knows ({DuckDbMigrations.All.Length}); upgrade Candor.");
        for (var i = version; i < DuckDbMigrations.All.Length; i++)
        {
            using var transaction = connection.BeginTransaction();
            Execute(connection, DuckDbMigrations.All[i]);
            Execute(connection, "DELETE FROM schema_version");
            Execute(connection, $"INSERT INTO schema_version VALUES ({i + 1})");
            transaction.Commit();
        }
    }

    private static int ReadVersion(DuckDBConnection connection)
    {
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT max(version) FROM schema_version";
        return command.ExecuteScalar() is { } value and not DBNull ? Convert.ToInt32(value) : 0;
    }

    /// <summary>The values an ENUM column accepts, read from the file so the check below can never disagree with the schema.</summary>
    private static HashSet<string> EnumValues(DuckDBConnection connection, string type)
    {
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT unnest(enum_range(NULL::{type}))";
        using var reader = command.ExecuteReader();
        var values = new HashSet<string>(StringComparer.Ordinal);
        while (reader.Read()) values.Add(reader.GetString(0));
        return values;
    }

    /// <summary>
    /// The value, or NULL when its ENUM column has no such value: DuckDB's appender would throw and the whole batch
    /// would be lost for one odd field. Classification only produces values in the sets (tests check that), so this
    /// is a guard, not a path events take.
    /// </summary>
    private static string? InSet(string? value, HashSet<string> set) => value is not null && set.Contains(value) ? value : null;

    private static void Execute(DuckDBConnection connection, string sql)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.ExecuteNonQuery();
    }

    public async Task AppendAsync(IReadOnlyList<StoredEvent> batch, CancellationToken cancellationToken = default)
    {
        if (batch.Count == 0) return;
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var transaction = _connection.BeginTransaction();
            try
            {
                var coded = batch.Count * CodedPerEvent;
                if (_codedValues.Length < coded)
                {
                    _codedValues = new string?[coded];
                    _codedIds = new uint[coded];
                }
                FillCodedValues(batch, _codedValues);
                _labels.Find(_codedValues.AsSpan(0, coded), _codedIds);
                var ids = _codedIds;
                using (var appender = _connection.CreateAppender("event_rows"))
                {
                    for (var i = 0; i < batch.Count; i++)
                    {
                        var e = batch[i];
                        var at = i * CodedPerEvent;
                        appender.CreateRow()
                            .AppendValue(e.Timestamp)
                            .AppendValue(ids[at])
                            .AppendValue(ids[at + 1])
                            .AppendValue(e.VisitorId)
                            .AppendValue(e.SessionId)
                            .AppendValue(ids[at + 2])
                            .AppendValue(e.Pathname)
                            .AppendValue(e.Referrer)
                            .AppendValue(e.UtmSource)
                            .AppendValue(e.UtmMedium)
                            .AppendValue(e.UtmCampaign)
                            .AppendValue(e.UtmContent)
                            .AppendValue(e.UtmTerm)
                            .AppendValue(e.Interactive)
                            .AppendValue(e.ScrollDepth)
                            .AppendValue(e.EngagementMilliseconds)
                            .AppendValue(e.Props.Count == 0 ? NoProps : e.Props.Select(p => p.Key).ToList())
                            .AppendValue(e.Props.Count == 0 ? NoProps : e.Props.Select(p => p.Value).ToList())
                            .AppendValue(OrNull(ids[at + 3]))
                            .AppendValue(OrNull(ids[at + 4]))
                            .AppendValue(OrNull(ids[at + 5]))
                            .AppendValue(OrNull(ids[at + 6]))
                            .AppendValue(InSet(e.Device, _devices))
                            .AppendValue(InSet(e.Country, _countries))
                            .AppendValue(e.Source)
                            .AppendValue(e.ReferrerSource)
                            .AppendValue(e.ClickIdParam)
                            .AppendValue(InSet(e.Channel, _channels))
                            .EndRow();
                    }
                }
                ForgetCachedSessions(batch);
                transaction.Commit();
            }
            catch
            {
                _labels.Forget();
                throw;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>The values stored as label ids, <see cref="CodedPerEvent"/> per event in the order AppendAsync reads them.</summary>
    private static void FillCodedValues(IReadOnlyList<StoredEvent> batch, string?[] values)
    {
        for (var i = 0; i < batch.Count; i++)
        {
            var e = batch[i];
            var at = i * CodedPerEvent;
            values[at] = e.Site;
            values[at + 1] = e.Name;
            values[at + 2] = e.Hostname;
            values[at + 3] = e.Browser;
            values[at + 4] = e.BrowserVersion;
            values[at + 5] = e.Os;
            values[at + 6] = e.OsVersion;
        }
    }

    private const int CodedPerEvent = 7;

    private static uint? OrNull(uint id) => id == 0 ? null : id;

    // Most events have no props: one shared empty list instead of two new ones per row (the appender only reads it).
    private static readonly List<string> NoProps = [];

    public async Task<long> CountAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "SELECT count(*) FROM event_rows";
            return Convert.ToInt64(command.ExecuteScalar());
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<long> DeleteOlderThanAsync(DateTime cutoffUtc, CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = "DELETE FROM event_rows WHERE timestamp < $cutoff";
            command.Parameters.Add(new DuckDBParameter("cutoff", DateTime.SpecifyKind(cutoffUtc, DateTimeKind.Unspecified)));
            var deleted = command.ExecuteNonQuery();
            // Fold the deletion into the file now: until a checkpoint, deleted rows still sit in the file's old blocks.
            // The cached sessions of the cut-off day and before summarise deleted events; they are rebuilt from what is left.
            ForgetCachedSessions("<", cutoffUtc.Date.AddDays(1));
            if (deleted > 0) Execute(_connection, "CHECKPOINT");
            return deleted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Runs a read-only query (tests and, later, the query layer) under the same lock as appends.</summary>
    internal async Task<List<object?[]>> QueryAsync(string sql)
    {
        await _gate.WaitAsync();
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = sql;
            using var reader = command.ExecuteReader();
            var rows = new List<object?[]>();
            while (reader.Read())
            {
                var row = new object?[reader.FieldCount];
                for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                rows.Add(row);
            }
            return rows;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<object?[]>> ReadAsync(string sql, IReadOnlyList<object?> parameters, CancellationToken cancellationToken = default)
    {
        // DuckDB's calls block; run them off the caller's thread so parallel queries really run in parallel.
        return await Task.Run(() =>
        {
            var connection = _reads.Rent();
            try
            {
                using var command = connection.CreateCommand();
                command.CommandText = sql;
                foreach (var value in parameters) command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
                using var cancel = cancellationToken.Register(() => { try { command.Cancel(); } catch (DuckDBException) { } });
                using var reader = command.ExecuteReader();
                var rows = new List<object?[]>();
                while (reader.Read())
                {
                    var row = new object?[reader.FieldCount];
                    for (var i = 0; i < row.Length; i++) row[i] = reader.IsDBNull(i) ? null : reader.GetValue(i);
                    rows.Add(row);
                }
                cancellationToken.ThrowIfCancellationRequested();
                return (IReadOnlyList<object?[]>)rows;
            }
            finally
            {
                _reads.Return(connection);
            }
        }, cancellationToken);
    }

    public async Task ExecuteAsync(IReadOnlyList<SqlStatement> statements, CancellationToken cancellationToken = default)
    {
        await Task.Run(() =>
        {
            var connection = _reads.Rent();
            try
            {
                using var transaction = connection.BeginTransaction();
                foreach (var statement in statements)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var command = connection.CreateCommand();
                    command.CommandText = statement.Sql;
                    foreach (var value in statement.Parameters) command.Parameters.Add(new DuckDBParameter(value ?? DBNull.Value));
                    command.ExecuteNonQuery();
                }
                transaction.Commit();
            }
            finally
            {
                _reads.Return(connection);
            }
        }, cancellationToken);
    }

    /// <summary>
    /// Ingestion appends today's events; a batch with events of an earlier day (a late flush around midnight, a
    /// bulk load of history) makes the cached sessions of that day and after stale, so they go (inside the append's
    /// transaction). The common case costs one comparison per event.
    /// </summary>
    private void ForgetCachedSessions(IReadOnlyList<StoredEvent> batch)
    {
        var earliest = DateTime.MaxValue;
        foreach (var e in batch) if (e.Timestamp < earliest) earliest = e.Timestamp;
        if (earliest < _time.GetUtcNow().UtcDateTime.Date) ForgetCachedSessions(">=", earliest.Date);
    }

    /// <param name="comparison"><c>&gt;=</c> (that day and after) or <c>&lt;</c> (before it).</param>
    private void ForgetCachedSessions(string comparison, DateTime day)
    {
        foreach (var table in (string[])["session_days_filled", "session_days"])
        {
            using var command = _connection.CreateCommand();
            command.CommandText = $"DELETE FROM {table} WHERE day {comparison} $day";
            command.Parameters.Add(new DuckDBParameter("day", DateTime.SpecifyKind(day, DateTimeKind.Unspecified)));
            command.ExecuteNonQuery();
        }
    }

    public async ValueTask DisposeAsync()
    {
        _reads.Dispose();
        await _gate.WaitAsync();
        // CHECKPOINT folds the write-ahead log into the file, so the file alone holds every event.
        try { Execute(_connection, "CHECKPOINT"); } catch (DuckDBException) { }
        _connection.Dispose();
        _gate.Dispose();
    }
}
